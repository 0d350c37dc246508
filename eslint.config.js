// The rules a commit must keep for `npm test` to pass: no import cycle (type-only ones included), imports that only
// run down the layers of DESIGN.md's layout, Discord kept out of the layers that must not know it, and files short
// enough to be one thing. Why ESLint and these plugins: docs/decisions/0015-the-linter.md.
// The layers are written for the target layout (src/core, src/providers/*); what today's tree still breaks is
// listed there, not silenced here.
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';
import local from './eslint-rules/index.js';

const CODE = ['src/**/*.ts', 'commands/**/*.ts', 'sandbox/**/*.ts', 'scripts/**/*.ts'];

// One element per layer; a file in none of them is reported by boundaries/no-unknown-files, so a new folder has to
// be placed in a layer before it can land. Patterns are matched against the whole path from the project root
// (mode 'full': the plugin's newer `partialMatch: false` classifies folders only, and the composition root and
// two of util's modules are single files at the top of src/).
const ELEMENTS = [
  { type: 'sandbox', pattern: 'sandbox/**' },
  { type: 'commands', pattern: 'commands/*/**', capture: ['command'] },
  {
    type: 'app',
    pattern: [
      'src/{app,main,bot,sandbox,sandbox-worlds,choose-http-port}.ts',
      'src/app-*.ts',
      'src/config*.ts',
      'src/config/**',
      'scripts/**',
    ],
  },
  { type: 'core', pattern: 'src/core/**' },
  { type: 'providers', pattern: 'src/providers/*/**', capture: ['provider'] },
  { type: 'discord', pattern: 'src/discord/**' },
  { type: 'feeds', pattern: 'src/feeds/**' },
  { type: 'storage', pattern: 'src/storage/**' },
  { type: 'limiter', pattern: 'src/limiter/**' },
  { type: 'http', pattern: 'src/http/**' },
  { type: 'ops', pattern: 'src/ops/**' },
  { type: 'accounts', pattern: 'src/accounts/**' },
  { type: 'console', pattern: 'src/console/**' },
  { type: 'util', pattern: ['src/util/**', 'src/log.ts', 'src/serialize-error.ts'] },
  { type: 'i18n', pattern: 'src/i18n/**' },
].map((element) => ({ ...element, mode: 'full' }));

const to = (...types) => ({ to: { element: { types: { anyOf: types } } } });
const typeOnlyTo = (...types) => ({ to: { element: { types: { anyOf: types } } }, dependency: { kind: 'type' } });

// Who may import whom (an import between two files of the same layer is always allowed).
const POLICIES = [
  // Commands speak Discord and the domain; they reach Instagram through core's provider interface, never a
  // provider's own client, so a command cannot depend on which Instagram API is configured.
  {
    from: { element: { type: 'commands' } },
    allow: to('discord', 'core', 'util', 'storage', 'limiter', 'ops', 'accounts', 'i18n'),
  },
  // Plumbing: the Discord client, router, responder and pagination know no domain module. Embeds are rendered
  // from core's types, which are data, so a type-only import of core is the one exception.
  { from: { element: { type: 'discord' } }, allow: to('util', 'i18n') },
  { from: { element: { type: 'discord' } }, allow: typeOnlyTo('core') },
  { from: { element: { type: 'core' } }, allow: to('util') },
  { from: { element: { type: 'providers' } }, allow: to('core', 'util', 'limiter') },
  { from: { element: { type: 'feeds' } }, allow: to('core', 'providers', 'storage', 'limiter', 'util', 'ops') },
  { from: { element: { type: 'storage' } }, allow: to('core', 'util') },
  { from: { element: { type: 'limiter' } }, allow: to('core', 'util') },
  // The edge answers Discord as well as Instagram: it edits the deferred Discord reply once linking is done, checks
  // who the Discord user is, and hands signed interactions to the Discord dispatcher.
  {
    from: { element: { type: 'http' } },
    allow: to('core', 'providers', 'storage', 'util', 'ops', 'discord', 'accounts', 'i18n'),
  },
  // Ops is instrumentation at the edge: it observes what the other layers do (storage and webhook health, the
  // limiter's gate, Discord commands and their error kinds) and serves it on the HTTP router, so it reads them.
  // The layers it observes never need it to work: they are handed its counters by the composition root.
  { from: { element: { type: 'ops' } }, allow: to('http', 'storage', 'limiter', 'discord', 'core', 'util') },
  // Linking is an application service shared by both ways of linking (the OAuth callback and /instagram's
  // paste-a-token modal): it stores the link and resumes the feeds it brings back. The reply it words for both
  // escapes Instagram's text with Discord's text helpers.
  { from: { element: { type: 'accounts' } }, allow: to('core', 'storage', 'util', 'discord', 'i18n') },
  // The catalogues and the i18next instance: plain data and one library, leaves that every layer which words a
  // reply may read (docs/decisions/0027).
  { from: { element: { type: 'i18n' } }, allow: to('util', 'i18n') },
  { from: { element: { type: 'util' } }, allow: to('util') },
  // The composition root and the sandbox console build everything; only the root may start the emulators. The
  // console is the sandbox's UI: it reads the Sandbox the root started and the configuration's variable names,
  // which are app's.
  {
    from: { element: { type: 'console' } },
    allow: to('core', 'providers', 'discord', 'feeds', 'storage', 'limiter', 'http', 'ops', 'util', 'app', 'i18n'),
  },
  { from: { element: { type: 'app' } }, allow: to('*') },
  // Emulators are written apart from the client (docs/decisions/0001): they import nothing of igcord.
  { from: { element: { type: 'sandbox' } }, allow: to('sandbox') },
  // Within a layer, files import each other freely; a command's folder is its own (one command never imports
  // another's helpers: what two commands share belongs in commands/_shared, which the loader skips, or in core).
  ...['discord', 'core', 'providers', 'feeds', 'storage', 'limiter', 'http', 'ops', 'accounts', 'console', 'app'].map(
    (type) => ({ from: { element: { type } }, allow: to(type) }),
  ),
  {
    from: { element: { type: 'commands' } },
    allow: { to: { element: { type: 'commands', captured: { command: '{{ from.captured.command }}' } } } },
  },
  {
    from: { element: { type: 'commands' } },
    allow: { to: { element: { type: 'commands', captured: { command: '_shared' } } } },
  },
];

// Packages that only the Discord-facing layers may use.
const DISCORD_PACKAGES = ['discord.js', 'discord-api-types', 'discord-api-types/**', '@discordjs/*'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**'] },
  {
    files: ['**/*.ts', '**/*.js'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { local },
    rules: {
      // Everywhere, tests and bench included: a cycle through a test helper is still a cycle.
      'local/no-import-cycles': ['error', { project: 'tsconfig.json' }],
    },
  },
  {
    files: CODE,
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' } },
      'boundaries/include': CODE,
      'boundaries/elements': ELEMENTS,
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      // The only legacy in use is mode 'full' above, chosen on purpose; its warning would print on every run.
      'boundaries/legacy-warnings': false,
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies: POLICIES }],
      'boundaries/no-unknown-files': 'error',
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': 'off',
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['src/{core,providers,storage,limiter,util}/**/*.ts', 'src/log.ts', 'src/serialize-error.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: DISCORD_PACKAGES, message: 'This layer knows nothing of Discord (DESIGN.md, Layout).' }],
        },
      ],
    },
  },
);
