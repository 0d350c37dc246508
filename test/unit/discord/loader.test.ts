import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SlashCommandBuilder } from 'discord.js';
import { CommandLoadError, buildCommandSet, loadCommands } from '../../../src/discord/loader.js';

const execute = async () => undefined;
const command = (name: string, extra: Record<string, unknown> = {}) => ({
  default: { data: { name, description: `the ${name} command` }, execute, ...extra },
});

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof CommandLoadError) return error.problems;
    throw error;
  }
  throw new Error('expected a CommandLoadError');
}

describe('command loader', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  it('indexes valid modules by name and component prefix, from JSON or a builder', () => {
    const set = buildCommandSet([
      { file: 'commands/media.ts', module: command('media', { components: { media: execute }, defer: 'public' }) },
      {
        file: 'commands/profile.ts',
        module: { default: { data: new SlashCommandBuilder().setName('profile').setDescription('Show a profile'), execute } },
      },
    ]);
    expect([...set.byName.keys()]).toEqual(['media', 'profile']);
    expect(set.components.get('media')?.command).toBe('media');
    expect(set.definitions.map((d) => d.name)).toEqual(['media', 'profile']);
    expect(set.definitions[1]).toMatchObject({ name: 'profile', description: 'Show a profile' });
  });

  it('rejects a module without execute, naming the file and the problem', () => {
    const problems = problemsOf(() => buildCommandSet([{ file: 'commands/broken.ts', module: { default: { data: { name: 'broken', description: 'x' } } } }]));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^commands\/broken\.ts: the module is invalid/);
    expect(problems[0]).toContain('execute');
  });

  it('rejects a module without a default export', () => {
    const problems = problemsOf(() => buildCommandSet([{ file: 'commands/named.ts', module: { execute } }]));
    expect(problems[0]).toMatch(/^commands\/named\.ts: has no default export/);
  });

  it('rejects invalid definitions: uppercase names, missing descriptions, required after optional, repeated options', () => {
    const problems = problemsOf(() =>
      buildCommandSet([
        { file: 'commands/upper.ts', module: { default: { data: { name: 'Media', description: 'x' }, execute } } },
        { file: 'commands/nodesc.ts', module: { default: { data: { name: 'nodesc', description: '' }, execute } } },
        {
          file: 'commands/order.ts',
          module: command('order', {}).default && {
            default: {
              data: {
                name: 'order',
                description: 'x',
                options: [
                  { type: 3, name: 'a', description: 'a' },
                  { type: 3, name: 'b', description: 'b', required: true },
                ],
              },
              execute,
            },
          },
        },
        {
          file: 'commands/twice.ts',
          module: { default: { data: { name: 'twice', description: 'x', options: [{ type: 3, name: 'a', description: 'a' }, { type: 4, name: 'a', description: 'a' }] }, execute } },
        },
      ]),
    );
    expect(problems.map((p) => p.split(':')[0])).toEqual(['commands/upper.ts', 'commands/nodesc.ts', 'commands/order.ts', 'commands/twice.ts']);
    expect(problems[0]).toContain('lowercase name');
    expect(problems[1]).toContain('expected a description');
    expect(problems[2]).toContain('required option "b" comes after an optional one');
    expect(problems[3]).toContain('option "a" is defined twice');
  });

  it('rejects a builder whose definition is incomplete, naming the file', () => {
    const problems = problemsOf(() => buildCommandSet([{ file: 'commands/half.ts', module: { default: { data: new SlashCommandBuilder().setName('half'), execute } } }]));
    expect(problems[0]).toMatch(/^commands\/half\.ts: the definition \(data\) is invalid/);
  });

  it('rejects a command name or component prefix used twice, naming both files', () => {
    const problems = problemsOf(() =>
      buildCommandSet([
        { file: 'commands/a.ts', module: command('media', { components: { shared: execute } }) },
        { file: 'commands/b.ts', module: command('media') },
        { file: 'commands/c.ts', module: command('other', { components: { shared: execute } }) },
      ]),
    );
    expect(problems).toEqual([
      'commands/b.ts: the command name "media" is already used by commands/a.ts',
      'commands/c.ts: the component prefix "shared" is already handled by the command "media"',
    ]);
  });

  it('imports every command file of a directory, skipping tests and helpers, and reports files that do not load', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'igcord-commands-'));
    dirs.push(dir);
    await writeFile(join(dir, 'hello.mjs'), `export default { data: { name: 'hello', description: 'Say hello' }, async execute() {} };\n`);
    await writeFile(join(dir, '_helper.mjs'), `export const notACommand = 1;\n`);
    await writeFile(join(dir, 'hello.test.mjs'), `throw new Error('must not be imported');\n`);
    expect([...(await loadCommands(dir)).byName.keys()]).toEqual(['hello']);

    await writeFile(join(dir, 'syntax.mjs'), `export default { data: ;\n`);
    await expect(loadCommands(dir)).rejects.toThrow(/syntax\.mjs: the module does not load/);
  });

  it('loads the repository commands, /ping among them', async () => {
    const set = await loadCommands();
    expect(set.byName.get('ping')?.definition).toMatchObject({ name: 'ping' });
  });
});
