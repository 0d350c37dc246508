// The catalogues against English, their source of truth: every shipped locale has exactly English's keys, each
// with the same {{variables}} (a translation that drops {{incidentId}} would hide it from the person); every key
// the code renders exists in English; and the bound `t` picks the catalogue serving a Discord locale.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, type Catalogue } from '../../../src/i18n/locales/index.js';
import { catalogueFor, createTranslations } from '../../../src/i18n/i18n.js';

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** i18next's plural keys (`likes_one`, `likes_other`): each locale has the forms its language has. */
const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, '');
const categories = (locale: string) => new Intl.PluralRules(locale).resolvedOptions().pluralCategories;

const variables = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

async function sourceFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => !file.includes(`${join('src', 'i18n', 'locales')}`));
}

describe('translation catalogues', () => {
  const english = flatten(CATALOGUES.en);

  it('English has keys to compare against', () => {
    expect(english.size).toBeGreaterThan(20);
  });

  for (const [locale, catalogue] of Object.entries(CATALOGUES)) {
    if (locale === 'en') continue;
    it(`${locale} has every English key, no other, each with the same {{variables}} and not left empty`, () => {
      const translated = flatten(catalogue);
      // A plural key stands for every form the locale's language has (Intl.PluralRules), whatever English has.
      const expected = new Set(
        [...english.keys()].flatMap((k) => (PLURAL.test(k) ? categories(locale).map((c) => `${base(k)}_${c}`) : [k])),
      );
      const missing = [...expected].filter((k) => !translated.has(k));
      const extra = [...translated.keys()].filter((k) => !expected.has(k));
      expect(missing, `keys missing in ${locale}`).toEqual([]);
      expect(extra, `keys in ${locale} that English does not have`).toEqual([]);
      const englishOf = (key: string) => english.get(key) ?? english.get(`${base(key)}_other`)!;
      for (const [key, text] of translated) {
        expect(variables(text), `${locale} ${key} variables`).toEqual(variables(englishOf(key)));
        expect(text.trim(), `${locale} ${key} is empty`).not.toBe('');
      }
    });
  }

  it('every key the code renders — t(…) and text(…) — exists in English', async () => {
    const files = [...(await sourceFiles('src')), ...(await sourceFiles('commands'))];
    const used = new Set<string>();
    for (const file of files) {
      // Comments show the call's shape with made-up keys; only code counts.
      const source = (await readFile(file, 'utf8'))
        .split('\n')
        .filter((line) => !/^\s*(\/\/|\/?\*)/.test(line))
        .join('\n');
      for (const m of source.matchAll(/\b(?:t|text|textOf)\(\s*'([a-zA-Z][\w-]*(?:\.[\w-]+)+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    const unknown = [...used].filter((key) => !english.has(key) && !english.has(`${key}_other`));
    expect(unknown, 'keys used in code but absent from the English catalogue').toEqual([]);
  });
});

describe('translations bound to a locale', () => {
  const translations = createTranslations();

  it('maps Discord locales to the catalogue serving them, and anything else to English', () => {
    expect(catalogueFor('es-ES')).toBe('es');
    expect(catalogueFor('es-419')).toBe('es');
    expect(catalogueFor('pt-BR')).toBe('pt-BR');
    expect(catalogueFor('fr')).toBe('en');
    expect(catalogueFor(undefined)).toBe('en');
  });

  it('renders in the locale with its variables, unescaped (Discord is not HTML)', () => {
    expect(translations.forLocale('es-ES')('errors.internal', { incidentId: 'A1<B>' })).toBe(
      'Algo falló por nuestra parte. Si se repite, da a quien administra el bot este id de incidente: `A1<B>`.',
    );
    expect(translations.forLocale('pt-BR')('router.done')).toBe('Pronto.');
    expect(translations.forLocale('ja')('router.done')).toBe('Done.');
    expect(translations.render({ key: 'errors.commentRejected', vars: { reason: "it's & <b>" } }, 'en-US')).toBe(
      "Instagram rejected the comment: it's & <b>",
    );
  });
});
