// The shape of a locale's translations of command definitions, keyed by the English text the definitions declare
// (src/discord/slash-command.ts derives Discord's name_localizations / description_localizations from it).
export interface DefinitionCatalogue {
  /** Localized names by English name, or by `command sub` / `command sub option` path where context decides. */
  readonly names: Readonly<Record<string, string>>;
  /** Localized descriptions by English description. */
  readonly descriptions: Readonly<Record<string, string>>;
  /** Localized choice names by English choice name. */
  readonly choices: Readonly<Record<string, string>>;
}
