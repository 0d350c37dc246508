// igcord's own ESLint rules, as the plugin that eslint.config.js registers under the name `local`.
import { noImportCycles } from './no-import-cycles.js';

export default { meta: { name: 'igcord-local' }, rules: { 'no-import-cycles': noImportCycles } };
