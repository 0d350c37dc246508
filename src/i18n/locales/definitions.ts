// Every shipped locale's translations of command definitions, by catalogue locale (English has none: its text is
// the definitions themselves).
import type { DefinitionCatalogue } from './definition-catalogue.js';
import { esDefinitions } from './es/definitions.js';
import { ptBRDefinitions } from './pt-BR/definitions.js';

export const DEFINITIONS: Readonly<Record<'es' | 'pt-BR', DefinitionCatalogue>> = {
  es: esDefinitions,
  'pt-BR': ptBRDefinitions,
};
