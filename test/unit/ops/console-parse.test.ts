// How the sandbox console reads a typed slash command against the registered definitions: subcommand groups and
// subcommands, typed options, values that run over several words or are quoted, mentions, choices, and the
// clear refusals a person gets instead of a malformed interaction.
import {
  ApplicationCommandOptionType as T,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import {
  parseSlashCommand,
  tokenize,
  usage,
  SlashParseError,
  type MentionResolver,
} from '../../../src/console/parse-slash-command.js';

const definitions: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
  { name: 'ping', description: 'Ping' },
  {
    name: 'media',
    description: 'Media',
    options: [
      {
        type: T.Subcommand,
        name: 'show',
        description: 'Show one post',
        options: [
          { type: T.String, name: 'media', description: 'id', required: true },
          { type: T.Boolean, name: 'share', description: 'share' },
        ],
      },
      {
        type: T.Subcommand,
        name: 'near',
        description: 'Near',
        options: [
          { type: T.Number, name: 'lat', description: 'lat', required: true },
          { type: T.Number, name: 'lng', description: 'lng', required: true },
          {
            type: T.Integer,
            name: 'distance',
            description: 'm',
            choices: [
              { name: 'close', value: 100 },
              { name: 'far', value: 5000 },
            ],
          },
          { type: T.Integer, name: 'count', description: 'n' },
        ],
      },
    ],
  },
  {
    name: 'feed',
    description: 'Feeds',
    options: [
      {
        type: T.SubcommandGroup,
        name: 'add',
        description: 'Add',
        options: [
          {
            type: T.Subcommand,
            name: 'tag',
            description: 'Tag feed',
            options: [
              { type: T.Channel, name: 'channel', description: 'where', required: true },
              { type: T.String, name: 'caption', description: 'text' },
              { type: T.Role, name: 'mention', description: 'who' },
              { type: T.User, name: 'owner', description: 'owner' },
            ],
          },
        ],
      },
    ],
  },
];

const mentions: MentionResolver = {
  user: (t) => (t === '@you' ? '100000000000000001' : undefined),
  channel: (t) => (t === '#instagram' ? '200000000000000002' : undefined),
  role: (t) => (t === '@admin' ? '300000000000000003' : undefined),
};

describe('console slash-command parsing', () => {
  it('reads a subcommand with a string and a boolean option', () => {
    expect(parseSlashCommand('/media show media:BSCoDz7Du7k share:true', definitions, mentions)).toEqual({
      name: 'media',
      subcommand: 'show',
      options: { media: 'BSCoDz7Du7k', share: true },
    });
  });

  it('reads a subcommand group, a channel, a role, a user and a value that runs over several words', () => {
    expect(
      parseSlashCommand(
        '/feed add tag channel:#instagram caption:fresh bread today mention:@admin owner:@you',
        definitions,
        mentions,
      ),
    ).toEqual({
      name: 'feed',
      subcommandGroup: 'add',
      subcommand: 'tag',
      options: {
        channel: '200000000000000002',
        caption: 'fresh bread today',
        mention: '300000000000000003',
        owner: '100000000000000001',
      },
    });
  });

  it('keeps quoted text together, colons included', () => {
    expect(tokenize(`a "b c:d" 'e \\'f'`)).toEqual(['a', 'b c:d', "e 'f"]);
    expect(
      parseSlashCommand('/feed add tag channel:#instagram caption:"x: y"', definitions, mentions).options.caption,
    ).toBe('x: y');
  });

  it('converts numbers and accepts a choice by its name or its value', () => {
    expect(parseSlashCommand('/media near lat:60.17 lng:24.94 distance:far', definitions, mentions).options).toEqual({
      lat: 60.17,
      lng: 24.94,
      distance: 5000,
    });
    expect(parseSlashCommand('/media near lat:60 lng:24 distance:100', definitions, mentions).options.distance).toBe(
      100,
    );
  });

  it.each([
    ['/nope', /there is no \/nope/],
    ['/media', /needs one of: show, near/],
    ['/media show', /missing required option: media:/],
    ['/media show share:true', /missing required option/],
    ['/media show media:x share:maybe', /share expects true\/false/],
    ['/media near lat:north lng:1', /lat expects number/],
    ['/media near lat:1 lng:1 count:2.5', /count expects whole number/],
    ['/media near lat:1 lng:1 distance:medium', /must be one of: close, far/],
    ['/media show stray media:x', /"stray" is not an option/],
    ['/feed add tag channel:#nowhere', /channel expects #channel/],
    ['/media show media:"unclosed', /unclosed/],
    ['/media show media:a media:b', /given twice/],
  ])('refuses %s with a message that says what to type', (line, message) => {
    expect(() => parseSlashCommand(line, definitions, mentions)).toThrow(SlashParseError);
    expect(() => parseSlashCommand(line, definitions, mentions)).toThrow(message);
  });

  it('prints one usage line per leaf command, optional options in brackets', () => {
    expect(usage(definitions[1]!)).toEqual([
      '/media show media:<text> [share:<true/false>] — Show one post',
      '/media near lat:<number> lng:<number> [distance:<whole number>] [count:<whole number>] — Near',
    ]);
    expect(usage(definitions[2]!)[0]).toMatch(/^\/feed add tag channel:<#channel> \[caption:<text>\]/);
  });
});
