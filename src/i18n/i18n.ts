// igcord's translations: one i18next instance holding every shipped catalogue (src/i18n/locales/*), built by the
// composition root and passed down (no global instance), and a `t` bound to one locale per interaction or per
// guild. Discord names locales its own way (`es-ES`, `es-419`, `pt-BR`; https://discord.com/developers/docs/reference#locales);
// each maps to the catalogue that serves it, and anything else falls back to English, the source of truth.
import { createInstance, type i18n as I18next } from 'i18next';
import { CATALOGUES, type CatalogueLocale } from './locales/index.js';

/** Values a string is rendered with (`{{name}}` in the catalogue). */
export type TextVars = Readonly<Record<string, string | number>>;

/** A translated string bound to a locale: `t('errors.internal', { incidentId })`. */
export type Translate = (key: string, vars?: TextVars) => string;

/** A string not yet rendered: thrown in errors and rendered in the locale of whoever reads it. */
export interface Text {
  key: string;
  vars?: TextVars | undefined;
}

/** A string to render later, in the reader's locale: `throw new UserFacingError(id, text('errors.x', { n }))`. */
export const text = (key: string, vars?: TextVars): Text => (vars === undefined ? { key } : { key, vars });

/** Which Discord locales each shipped catalogue serves (English serves every locale not listed). */
export const DISCORD_LOCALES: Readonly<Record<Exclude<CatalogueLocale, 'en'>, readonly string[]>> = {
  es: ['es-ES', 'es-419'],
  'pt-BR': ['pt-BR'],
};

/** The catalogue that serves a Discord locale; English when none does or the locale is unknown. */
export function catalogueFor(discordLocale: string | null | undefined): CatalogueLocale {
  if (!discordLocale) return 'en';
  for (const [catalogue, locales] of Object.entries(DISCORD_LOCALES))
    if (locales.includes(discordLocale)) return catalogue as CatalogueLocale;
  return 'en';
}

export interface Translations {
  /** `t` in the catalogue serving this Discord locale (`interaction.locale`, `guild.preferredLocale`). */
  forLocale(discordLocale: string | null | undefined): Translate;
  /** Renders a deferred string (an error's) in that locale. */
  render(text: Text, discordLocale: string | null | undefined): string;
}

/**
 * English for callers that have no reader (a renderer called without a locale, the metrics): a fresh instance, as
 * a pure function of the locale, so nothing global exists. Interactions and feed posts get theirs from the root.
 */
export const englishOnly = (): Translate => createTranslations().forLocale('en');

/** Builds the one i18next instance; synchronous, since every catalogue is bundled. */
export function createTranslations(): Translations {
  const instance: I18next = createInstance();
  void instance.init({
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: Object.keys(CATALOGUES),
    // Discord locale codes are mapped by catalogueFor; i18next must not strip `pt-BR` down to `pt`.
    load: 'currentOnly',
    resources: Object.fromEntries(
      Object.entries(CATALOGUES).map(([lng, catalogue]) => [lng, { translation: catalogue }]),
    ),
    initAsync: false,
    // Replies go to Discord, not to HTML: escaping would show `&amp;` to people. Mentions are disabled per reply.
    interpolation: { escapeValue: false },
    returnNull: false,
    // i18next prints an advertisement to the console at init unless told not to: igcord's output is pino's only.
    showSupportNotice: false,
  });
  const bound = new Map<CatalogueLocale, Translate>();
  const forLocale = (discordLocale: string | null | undefined): Translate => {
    const catalogue = catalogueFor(discordLocale);
    let t = bound.get(catalogue);
    if (t === undefined) {
      const fixed = instance.getFixedT(catalogue);
      t = (key, vars) => fixed(key, vars ?? {});
      bound.set(catalogue, t);
    }
    return t;
  };
  return { forLocale, render: (text, locale) => forLocale(locale)(text.key, text.vars) };
}
