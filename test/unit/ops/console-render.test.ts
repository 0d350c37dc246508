// How the sandbox console shows a Discord message: content with readable mentions and timestamps, each embed as
// a box, buttons and menus numbered in order across rows, link buttons with their URL.
import { ButtonStyle, ComponentType, MessageFlags, type APIMessage } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { readableMarkup, renderMessage, type RenderNames } from '../../../src/console/render-message.js';

const names: RenderNames = {
  user: (id) => (id === '1' ? 'you' : undefined),
  channel: (id) => (id === '2' ? 'instagram' : undefined),
  role: (id) => (id === '3' ? 'fans' : undefined),
};

const message = (fields: Partial<APIMessage>): APIMessage =>
  ({
    id: '9',
    content: '',
    embeds: [],
    components: [],
    author: { username: 'igcord' },
    ...fields,
  }) as unknown as APIMessage;

describe('console message rendering', () => {
  it('makes mentions and Discord timestamps readable', () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    expect(readableMarkup('<@1> in <#2> for <@&3>, frees <t:1767270600:R>', names, now)).toBe(
      '@you in #instagram for @fans, frees 2026-01-01T12:30:00Z (in 30 min)',
    );
  });

  it('boxes an embed with title, author, description, fields, image and footer', () => {
    const { text } = renderMessage(
      message({
        embeds: [
          {
            title: 'Photo by @mila.garden',
            author: { name: 'Mila Horvat' },
            description: 'Fresh basil',
            fields: [{ name: 'Likes', value: '3' }],
            image: { url: 'https://example.test/a.jpg' },
            footer: { text: 'Instagram' },
          },
        ],
      }),
      names,
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('igcord:');
    expect(lines[1]).toMatch(/^ {2}┌─ Photo by @mila\.garden ─+┐$/);
    expect(text).toMatch(/│ Mila Horvat +│/);
    expect(text).toMatch(/│ Fresh basil +│/);
    expect(text).toMatch(/│ Likes: 3 +│/);
    expect(text).toMatch(/│ image: https:\/\/example\.test\/a\.jpg +│/);
    expect(text).toMatch(/│ — Instagram +│/);
    expect(lines.at(-1)).toMatch(/^ {2}└─+┘$/);
    // Every box line has the same width.
    expect(new Set(lines.slice(1).map((l) => l.length)).size).toBe(1);
  });

  it('numbers buttons across rows, shows link URLs and disabled state, and marks ephemeral answers', () => {
    const { text, buttons } = renderMessage(
      message({
        flags: MessageFlags.Ephemeral,
        content: 'Page 1 of 3',
        components: [
          {
            type: ComponentType.ActionRow,
            components: [
              {
                type: ComponentType.Button,
                style: ButtonStyle.Secondary,
                label: 'Previous',
                custom_id: 'page:prev',
                disabled: true,
              },
              { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Next ▶', custom_id: 'page:next' },
            ],
          },
          {
            type: ComponentType.ActionRow,
            components: [
              { type: ComponentType.Button, style: ButtonStyle.Link, label: 'Open', url: 'https://example.test/p' },
            ],
          },
        ],
      } as Partial<APIMessage>),
      names,
    );
    expect(text).toContain('igcord (only you can see this):');
    expect(text).toContain('  [1] Previous (disabled)');
    expect(text).toContain('  [2] Next ▶');
    expect(text).toContain('  [3] Open → https://example.test/p');
    expect(buttons.map((b) => [b.number, b.customId, b.url, b.disabled])).toEqual([
      [1, 'page:prev', undefined, true],
      [2, 'page:next', undefined, false],
      [3, undefined, 'https://example.test/p', false],
    ]);
  });
});
