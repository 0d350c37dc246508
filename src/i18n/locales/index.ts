// Every shipped catalogue, by i18next language code. English is the source of truth: every other catalogue must
// have exactly its keys and, per key, the same `{{variables}}` (test/unit/i18n/catalogues.test.ts). Command
// definitions are translated apart (`commands` in each catalogue but English, whose text lives in the definitions).
import { en } from './en/index.js';
import { es } from './es/index.js';
import { ptBR } from './pt-BR/index.js';

export type Catalogue = { readonly [key: string]: string | Catalogue };

export const CATALOGUES = { en, es, 'pt-BR': ptBR } as const satisfies Record<string, Catalogue>;

export type CatalogueLocale = keyof typeof CATALOGUES;
