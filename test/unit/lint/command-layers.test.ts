// The layer rules of `npm run lint` (eslint.config.js) over the commands and the Discord plumbing, run through
// ESLint with the project's own configuration: commands reach Instagram only through core's port, Discord
// plumbing imports no domain module, and one command's folder never imports another's (commands/_shared is
// the folder they share). The provider's error classes are the one import left, until core holds the
// provider-neutral error taxonomy (src/core/instagram-errors.ts).
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

interface Violation {
  file: string;
  line: number;
  source: string;
  message: string;
}

let violations: Violation[] = [];

beforeAll(async () => {
  const eslint = new ESLint({ cwd: root, ruleFilter: ({ ruleId }) => ruleId === 'boundaries/dependencies' });
  const results = await eslint.lintFiles(['commands/**/*.ts', 'src/discord/**/*.ts']);
  violations = results.flatMap((result) =>
    result.messages.map((message) => {
      const lines = result.source ?? '';
      return {
        file: result.filePath.slice(root.length),
        line: message.line,
        source: (result.source ?? lines).split('\n')[message.line - 1]?.trim() ?? '',
        message: message.message,
      };
    }),
  );
}, 120_000);

const shown = (list: Violation[]) => list.map((v) => `${v.file}:${v.line} ${v.source}`);

/** The import of the provider's error classes, the one crossing allowed until core holds them. */
const isProviderErrors = (v: Violation) =>
  /from '[./]+src\/providers\/v1\/errors\.js'/.test(v.source) ||
  /from '\.\.\/providers\/v1\/errors\.js'/.test(v.source);

describe('the layers of the commands and of the Discord plumbing', () => {
  it('commands import no provider module other than its error classes, so they reach Instagram through the port', () => {
    const providerImports = violations.filter(
      (v) => v.file.startsWith('commands/') && v.message.includes('"providers"') && !isProviderErrors(v),
    );
    expect(shown(providerImports)).toEqual([]);
  });

  it('Discord plumbing (src/discord) imports nothing of the domain: no provider, storage, limiter, app or core value', () => {
    expect(shown(violations.filter((v) => v.file.startsWith('src/discord/')))).toEqual([]);
  });

  it('commands import only discord, core, util, storage, limiter, ops, their own folder and commands/_shared', () => {
    expect(shown(violations.filter((v) => v.file.startsWith('commands/') && !isProviderErrors(v)))).toEqual([]);
  });
});
