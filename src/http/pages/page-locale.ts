// The language a page of the link flow speaks: the Discord locale the link state keeps (the language of the person
// who ran /instagram link), or, when no state is known (a refused or malformed link), the browser's
// `Accept-Language` (RFC 9110 §12.5.4: weighted language ranges), best match among the shipped catalogues.
import type { IncomingMessage } from 'node:http';
import { catalogueFor, type Translate, type Translations } from '../../i18n/i18n.js';

export interface PageLocale {
  t: Translate;
  /** The page's `<html lang>` (BCP 47): `en`, `es`, `pt-BR`. */
  lang: string;
}

/** A page speaking a Discord locale's catalogue; English for an unknown or absent locale (states stored before). */
export function pageLocale(translations: Translations, discordLocale: string | undefined): PageLocale {
  return { t: translations.forLocale(discordLocale), lang: catalogueFor(discordLocale) };
}

/** The Discord locale that serves each language range a browser may ask for (Spanish: Spain's, Discord's `es-ES`). */
function discordLocaleOf(range: string): string | undefined {
  const tag = range.toLowerCase();
  if (tag === 'es' || tag.startsWith('es-')) return 'es-ES';
  // Brazilian Portuguese is the only Portuguese shipped: the closest match for any `pt` range.
  if (tag === 'pt' || tag.startsWith('pt-')) return 'pt-BR';
  if (tag === 'en' || tag.startsWith('en-') || tag === '*') return 'en-US';
  return undefined;
}

/** The Discord locale best matching the header, highest weight first (ties in the header's order); else English. */
export function acceptLanguageLocale(header: string | undefined): string {
  const ranges = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      const weight = q === undefined ? 1 : Number(q);
      return { range: range.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.range !== '' && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { range } of ranges) {
    const locale = discordLocaleOf(range);
    if (locale !== undefined) return locale;
  }
  return 'en-US';
}

/** The page language for a request whose state is unknown: the browser's. */
export function browserPageLocale(translations: Translations, req: IncomingMessage): PageLocale {
  return pageLocale(translations, acceptLanguageLocale(req.headers['accept-language']));
}
