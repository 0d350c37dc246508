// The delivery engine knows no Discord (DESIGN.md, Layout: feeds → core + providers + storage + limiter): every file
// of src/feeds passes the project's own lint rules — layers, cycles, file length — and, on top of them, imports no
// Discord package. It posts through the poster port of src/core, which src/discord implements.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('src/feeds', () => {
  it('passes the layer, cycle and length rules and imports no Discord code or package', async () => {
    const eslint = new ESLint({
      cwd: root,
      overrideConfig: {
        files: ['src/feeds/**/*.ts'],
        rules: {
          'no-restricted-imports': [
            'error',
            {
              patterns: [
                {
                  group: ['discord.js', 'discord-api-types', 'discord-api-types/**', '@discordjs/*'],
                  message: 'feeds knows no Discord',
                },
              ],
            },
          ],
        },
      },
    });
    const results = await eslint.lintFiles(['src/feeds/**/*.ts']);
    const problems = results.flatMap((r) =>
      r.messages.map((m) => `${r.filePath.slice(root.length)}:${m.line} ${m.ruleId ?? ''} ${m.message}`),
    );
    expect(problems).toEqual([]);
  }, 120_000);
});
