// The typed option layer: a command's options are declared once, and both the JSON Discord registers and the types
// its handlers read come from that declaration. The type assertions here are checked by `tsc` (part of `npm test`):
// were the option types loose (`any`, or a string index), the `@ts-expect-error` lines would stop compiling.
import { ChannelType, type User } from 'discord.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineSlash, slashCommand, type SubcommandOptions } from '../../../src/discord/slash-command.js';
import type { ChannelValue, RoleValue } from '../../../src/discord/typed-options.js';

const definition = defineSlash({
  name: 'demo',
  description: 'A command with one of each kind of option',
  subcommands: {
    find: {
      description: 'Find something',
      options: {
        name: { kind: 'string', description: 'What to find', required: true, maxLength: 100, autocomplete: true },
        mode: {
          kind: 'string',
          description: 'How',
          choices: [
            { name: 'fast', value: 'fast' },
            { name: 'thorough', value: 'thorough' },
          ],
        },
        count: { kind: 'integer', description: 'How many', minValue: 1, maxValue: 10 },
        share: { kind: 'boolean', description: 'Show everyone' },
      },
    },
    notify: {
      description: 'Notify someone',
      options: {
        who: { kind: 'user', description: 'Whom', required: true },
        where: { kind: 'channel', description: 'Where', required: true, channelTypes: [ChannelType.GuildText] },
        role: { kind: 'role', description: 'Which role' },
        lat: { kind: 'number', description: 'Latitude', minValue: -90, maxValue: 90 },
      },
    },
  },
});

type Find = SubcommandOptions<typeof definition, 'find'>;
type Notify = SubcommandOptions<typeof definition, 'notify'>;

describe('typed options', () => {
  it('types each option from its declaration: kind, required or not, choices as a literal union', () => {
    expectTypeOf<Find['name']>().toEqualTypeOf<string>();
    expectTypeOf<Find['mode']>().toEqualTypeOf<'fast' | 'thorough' | undefined>();
    expectTypeOf<Find['count']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Find['share']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Notify['who']>().toEqualTypeOf<User>();
    expectTypeOf<Notify['where']>().toEqualTypeOf<ChannelValue>();
    expectTypeOf<Notify['role']>().toEqualTypeOf<RoleValue | undefined>();
    expectTypeOf<Notify['lat']>().toEqualTypeOf<number | undefined>();
  });

  it('does not compile a misspelt option name, or another subcommand’s option', () => {
    const read = (options: Find) => {
      // @ts-expect-error `nmae` is not an option of /demo find
      void options.nmae;
      // @ts-expect-error `who` belongs to /demo notify, not /demo find
      void options.who;
      return options.name;
    };
    expectTypeOf(read).returns.toEqualTypeOf<string>();
    expectTypeOf<Find>().not.toHaveProperty('nmae');
  });

  it('does not compile a dispatcher that leaves a subcommand without its handler, or handles one not declared', () => {
    const find = async (_i: unknown, _c: unknown, options: Find) => void options.name;
    const notify = async (_i: unknown, _c: unknown, options: Notify) => void options.who.id;
    const complete = slashCommand(definition, { find, notify });
    // @ts-expect-error `notify` has no handler
    slashCommand(definition, { find });
    // @ts-expect-error `remove` is not a subcommand of /demo
    slashCommand(definition, { find, notify, remove: find });
    expect(typeof complete.execute).toBe('function');
  });

  it('derives the JSON Discord registers from the same declaration', () => {
    const { data } = slashCommand(definition, { find: async () => {}, notify: async () => {} });
    // Localizations come from the catalogues (test/unit/i18n/definitions.test.ts); this is the English structure.
    const english = JSON.parse(JSON.stringify(data), (key: string, value: unknown) =>
      key.endsWith('_localizations') ? undefined : value,
    ) as unknown;
    expect(english).toEqual({
      type: 1,
      name: 'demo',
      description: 'A command with one of each kind of option',
      options: [
        {
          type: 1,
          name: 'find',
          description: 'Find something',
          options: [
            { type: 3, name: 'name', description: 'What to find', required: true, max_length: 100, autocomplete: true },
            {
              type: 3,
              name: 'mode',
              description: 'How',
              choices: [
                { name: 'fast', value: 'fast' },
                { name: 'thorough', value: 'thorough' },
              ],
            },
            { type: 4, name: 'count', description: 'How many', min_value: 1, max_value: 10 },
            { type: 5, name: 'share', description: 'Show everyone' },
          ],
        },
        {
          type: 1,
          name: 'notify',
          description: 'Notify someone',
          options: [
            { type: 6, name: 'who', description: 'Whom', required: true },
            { type: 7, name: 'where', description: 'Where', required: true, channel_types: [ChannelType.GuildText] },
            { type: 8, name: 'role', description: 'Which role' },
            { type: 10, name: 'lat', description: 'Latitude', min_value: -90, max_value: 90 },
          ],
        },
      ],
    });
  });

  it('registers "group sub" subcommands inside their subcommand group, in declaration order', () => {
    const grouped = defineSlash({
      name: 'demo',
      description: 'A command with a group',
      groups: { rule: 'Rules of a thing' },
      subcommands: {
        list: { description: 'List things' },
        'rule add': { description: 'Add a rule', options: { text: { kind: 'string', description: 'The rule' } } },
        'rule remove': { description: 'Remove a rule' },
      },
    });
    const { data } = slashCommand(grouped, {
      list: async () => {},
      'rule add': async () => {},
      'rule remove': async () => {},
    });
    expect(data.options).toMatchObject([
      { type: 1, name: 'list', description: 'List things', options: [] },
      {
        type: 2,
        name: 'rule',
        description: 'Rules of a thing',
        options: [
          {
            type: 1,
            name: 'add',
            description: 'Add a rule',
            options: [{ type: 3, name: 'text', description: 'The rule' }],
          },
          { type: 1, name: 'remove', description: 'Remove a rule', options: [] },
        ],
      },
    ]);
  });
});
