import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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
        module: {
          default: { data: new SlashCommandBuilder().setName('profile').setDescription('Show a profile'), execute },
        },
      },
    ]);
    expect([...set.byName.keys()]).toEqual(['media', 'profile']);
    expect(set.components.get('media')?.command).toBe('media');
    expect(set.definitions.map((d) => d.name)).toEqual(['media', 'profile']);
    expect(set.definitions[1]).toMatchObject({ name: 'profile', description: 'Show a profile' });
  });

  it('rejects a module without execute, naming the file and the problem', () => {
    const problems = problemsOf(() =>
      buildCommandSet([
        { file: 'commands/broken.ts', module: { default: { data: { name: 'broken', description: 'x' } } } },
      ]),
    );
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
          module: {
            default: {
              data: {
                name: 'twice',
                description: 'x',
                options: [
                  { type: 3, name: 'a', description: 'a' },
                  { type: 4, name: 'a', description: 'a' },
                ],
              },
              execute,
            },
          },
        },
      ]),
    );
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'commands/upper.ts',
      'commands/nodesc.ts',
      'commands/order.ts',
      'commands/twice.ts',
    ]);
    expect(problems[0]).toContain('lowercase name');
    expect(problems[1]).toContain('expected a description');
    expect(problems[2]).toContain('required option "b" comes after an optional one');
    expect(problems[3]).toContain('option "a" is defined twice');
  });

  it('rejects a builder whose definition is incomplete, naming the file', () => {
    const problems = problemsOf(() =>
      buildCommandSet([
        { file: 'commands/half.ts', module: { default: { data: new SlashCommandBuilder().setName('half'), execute } } },
      ]),
    );
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

  it('imports the index of every command folder, not its helpers, and skips folders starting with _', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'igcord-commands-'));
    dirs.push(dir);
    await mkdir(join(dir, 'hello'));
    await writeFile(join(dir, 'hello', 'greeting.mjs'), `export const greeting = 'Say hello';\n`);
    await writeFile(
      join(dir, 'hello', 'index.mjs'),
      `import { greeting } from './greeting.mjs';\nexport default { data: { name: 'hello', description: greeting }, async execute() {} };\n`,
    );
    await writeFile(join(dir, 'hello', 'index.test.mjs'), `throw new Error('must not be imported');\n`);
    await mkdir(join(dir, '_shared'));
    await writeFile(join(dir, '_shared', 'index.mjs'), `throw new Error('must not be imported');\n`);
    const set = await loadCommands(dir);
    expect([...set.byName.keys()]).toEqual(['hello']);
    expect(set.byName.get('hello')?.definition.description).toBe('Say hello');
  });

  it('refuses to start listing every broken command folder: no index, an index that does not load, a loose file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'igcord-commands-'));
    dirs.push(dir);
    await mkdir(join(dir, 'empty'));
    await writeFile(join(dir, 'empty', 'helper.mjs'), `export const x = 1;\n`);
    await mkdir(join(dir, 'syntax'));
    await writeFile(join(dir, 'syntax', 'index.mjs'), `export default { data: ;\n`);
    await writeFile(
      join(dir, 'loose.mjs'),
      `export default { data: { name: 'loose', description: 'x' }, async execute() {} };\n`,
    );
    const problems = await loadCommands(dir).then(
      () => [],
      (error: unknown) => (error instanceof CommandLoadError ? error.problems : [String(error)]),
    );
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.includes('empty'))).toMatch(/empty: the command folder has no index\.ts$/);
    expect(problems.find((p) => p.includes('syntax'))).toMatch(/syntax[\\/]index\.mjs: the module does not load/);
    expect(problems.find((p) => p.includes('loose'))).toMatch(
      /loose\.mjs: a command is a folder; move it to .*loose[\\/]index\.ts$/,
    );
  });

  it('loads the repository commands, one folder each', async () => {
    const set = await loadCommands();
    expect([...set.byName.keys()].sort()).toEqual([
      'account',
      'comments',
      'feed',
      'follows',
      'hashtag',
      'help',
      'insights',
      'instagram',
      'location',
      'media',
      'ping',
      'tag',
      'user',
    ]);
    expect(set.byName.get('ping')?.file).toBe(join('commands', 'ping', 'index.ts'));
  });

  it('keeps commands off the HTTP edge: no file under commands/ imports from src/http/', async () => {
    const root = new URL('../../../commands/', import.meta.url);
    const offending: string[] = [];
    for (const entry of await readdir(root, { recursive: true })) {
      if (!entry.endsWith('.ts')) continue;
      const text = await readFile(new URL(entry, root), 'utf8');
      if (/from '(?:\.\.\/)+src\/http\//.test(text)) offending.push(entry);
    }
    expect(offending).toEqual([]);
  });
});
