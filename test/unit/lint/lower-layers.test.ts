// The lower layers of DESIGN.md's layout, checked with igcord's own lint configuration (eslint.config.js) on the
// real tree: each layer imports only what its policy allows, every file belongs to a layer, and the emulators have
// no import cycle. One case per layer, so a failure names the layer that broke.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** Lints the paths with the project's configuration; one line per problem, `file:line rule message`. */
async function problems(...paths: string[]): Promise<string[]> {
  const results = await eslint.lintFiles(paths);
  return results.flatMap((result) =>
    result.messages.map(
      (message) => `${result.filePath.slice(root.length)}:${message.line} ${message.ruleId ?? ''} ${message.message}`,
    ),
  );
}

describe('the lower layers keep to their imports', { timeout: 120_000 }, () => {
  it('the limiter imports only core and util: the gate contract and the Instagram errors are not a provider’s', async () => {
    expect(await problems('src/limiter', 'src/core')).toEqual([]);
  });

  it('ops, the instrumentation at the edge, reaches what it measures and nothing of a provider', async () => {
    expect(await problems('src/ops')).toEqual([]);
  });

  it('storage imports no configuration and no provider', async () => {
    expect(await problems('src/storage')).toEqual([]);
  });

  it('the HTTP edge may edit Discord replies and check Discord users', async () => {
    expect(await problems('src/http')).toEqual([]);
  });

  it('the console, the sandbox’s UI, may read the sandbox it drives', async () => {
    expect(await problems('src/console')).toEqual([]);
  });

  it('linking and the sandbox worlds belong to a layer', async () => {
    expect(await problems('src/accounts', 'src/sandbox-worlds.ts')).toEqual([]);
  });

  it('the emulators have no import cycle', async () => {
    expect(await problems('sandbox')).toEqual([]);
  });
});
