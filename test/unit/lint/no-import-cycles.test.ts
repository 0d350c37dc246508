// The import-cycle rule that `npm run lint` runs (eslint-rules/no-import-cycles.js), driven through ESLint itself
// on small projects written to a temporary folder: a cycle of type-only imports is the case it exists for, since
// eslint-plugin-import-x's no-cycle lets those through.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterEach, describe, expect, it } from 'vitest';
import local from '../../../eslint-rules/index.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Writes the files into a fresh project (with a nodenext tsconfig, as igcord's) and lints all of them. */
async function lint(files: Record<string, string>): Promise<string[]> {
  const cwd = mkdtempSync(join(tmpdir(), 'igcord-lint-'));
  folders.push(cwd);
  const tsconfig = {
    compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true },
    include: ['**/*.ts'],
  };
  writeFileSync(join(cwd, 'tsconfig.json'), JSON.stringify(tsconfig));
  writeFileSync(join(cwd, 'package.json'), JSON.stringify({ type: 'module' }));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(cwd, name)), { recursive: true });
    writeFileSync(join(cwd, name), text);
  }
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser },
      plugins: { local },
      rules: { 'local/no-import-cycles': ['error', { project: 'tsconfig.json' }] },
    },
  });
  const results = await eslint.lintFiles(['**/*.ts']);
  return results
    .flatMap((result) =>
      result.messages.map((message) => `${result.filePath.slice(cwd.length + 1)}:${message.line} ${message.message}`),
    )
    .sort();
}

describe('the no-import-cycles lint rule', () => {
  it('reports both imports of a cycle made only of type imports, naming the files in order', async () => {
    const messages = await lint({
      'a.ts': "import type { B } from './b.js';\nexport type A = { b?: B };\n",
      'b.ts': "import type { A } from './a.js';\nexport type B = { a?: A };\n",
    });
    expect(messages).toEqual([
      'a.ts:1 Import cycle: a.ts → b.ts → a.ts. Move what both sides need into a module that imports neither.',
      'b.ts:1 Import cycle: b.ts → a.ts → b.ts. Move what both sides need into a module that imports neither.',
    ]);
  });

  it('follows re-exports, dynamic imports and import() types through a longer chain', async () => {
    const messages = await lint({
      'src/one.ts': "export { two } from './deep/two.js';\n",
      'src/deep/two.ts': "export const two = async () => import('../three.js');\n",
      'src/three.ts': "export type Three = import('./one.js').Missing;\n",
    });
    expect(messages).toEqual([
      'src/deep/two.ts:1 Import cycle: src/deep/two.ts → src/three.ts → src/one.ts → src/deep/two.ts. Move what both sides need into a module that imports neither.',
      'src/one.ts:1 Import cycle: src/one.ts → src/deep/two.ts → src/three.ts → src/one.ts. Move what both sides need into a module that imports neither.',
      'src/three.ts:1 Import cycle: src/three.ts → src/one.ts → src/deep/two.ts → src/three.ts. Move what both sides need into a module that imports neither.',
    ]);
  });

  it('reports nothing for imports that only run one way, nor for packages', async () => {
    const messages = await lint({
      'top.ts':
        "import type { Mid } from './mid.js';\nimport { z } from 'zod';\nexport const top = (m: Mid) => z.string().parse(m.name);\n",
      'mid.ts': "import type { Leaf } from './leaf.js';\nexport type Mid = { name: string; leaf?: Leaf };\n",
      'leaf.ts': 'export type Leaf = { id: string };\n',
    });
    expect(messages).toEqual([]);
  });
});
