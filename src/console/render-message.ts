// Turns a Discord message (as the fake stores it) into terminal text a person can read: content, each embed as
// a box with its title, author, description, fields, image/video URL and footer, and the buttons and menus
// numbered, so `press 2` names the second. Mentions and Discord's timestamp markup are made readable.
import { ButtonStyle, ComponentType, MessageFlags, type APIEmbed, type APIMessage } from 'discord-api-types/v10';
import { relativeTime } from './relative-time.js';

export interface ConsoleButton {
  /** 1-based, as printed. */
  number: number;
  label: string;
  customId?: string | undefined;
  url?: string | undefined;
  disabled: boolean;
  /** For a select menu: its options' values, and min/max choices. */
  select?: { options: { label: string; value: string }[] } | undefined;
}

export interface RenderedMessage {
  text: string;
  buttons: ConsoleButton[];
}

export interface RenderNames {
  user(id: string): string | undefined;
  channel(id: string): string | undefined;
  role(id: string): string | undefined;
}

const WIDTH = 78;

/**
 * Discord markup made readable in a terminal, as Discord's client shows it: mentions by name, `<t:…:R>` as a date
 * and a relative time, markdown links as their text and address, bold/underline/strike markers dropped and escaped
 * characters (`mateo\_rios`) shown as themselves. Inline code is left as typed. Only the console's rendering
 * changes: what igcord sends Discord stays escaped.
 */
export function readableMarkup(text: string, names: RenderNames, now = Date.now()): string {
  const mentions = text
    .replace(/<@!?(\d+)>/g, (m, id: string) => `@${names.user(id) ?? id}`)
    .replace(/<#(\d+)>/g, (m, id: string) => `#${names.channel(id) ?? id}`)
    .replace(/<@&(\d+)>/g, (m, id: string) => `@${names.role(id) ?? id}`)
    .replace(/<t:(\d+)(?::([tTdDfFR]))?>/g, (m, seconds: string) => {
      const at = Number(seconds) * 1000;
      return `${new Date(at).toISOString().replace('.000Z', 'Z')} (${relativeTime(at - now)})`;
    });
  // Code spans are literal in Discord: split them out so nothing inside is unescaped.
  return mentions
    .split(/(`[^`]*`)/)
    .map((part, index) => (index % 2 === 1 ? part : plainMarkdown(part)))
    .join('');
}

/** Markdown outside code spans: links, emphasis markers and backslash escapes, read as Discord renders them. */
function plainMarkdown(text: string): string {
  // Escaped characters are parked first, so an escaped `\*` or `\[` is never read as markup.
  const parked: string[] = [];
  const park = (ch: string) => `\u0000${parked.push(ch) - 1}\u0000`;
  const readable = text
    .replace(/\\([!-/:-@[-`{-~])/g, (m, ch: string) => park(ch))
    .replace(/\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g, (m, label: string, url: string) =>
      label === url ? url : `${label} <${url}>`,
    )
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/~~(.+?)~~/g, '$1');
  return readable.replace(/\u0000(\d+)\u0000/g, (m, index: string) => parked[Number(index)]!);
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line !== '' && line.length + 1 + word.length > width) {
        out.push(line);
        line = '';
      }
      line = line === '' ? word : `${line} ${word}`;
      while (line.length > width) {
        out.push(line.slice(0, width));
        line = line.slice(width);
      }
    }
    out.push(line);
  }
  return out;
}

export function renderEmbed(embed: APIEmbed, names: RenderNames): string[] {
  const inner = WIDTH - 4;
  const body: string[] = [];
  const add = (text: string) => body.push(...wrap(readableMarkup(text, names), inner));
  if (embed.author?.name) add(`${embed.author.name}${embed.author.url ? ` <${embed.author.url}>` : ''}`);
  if (embed.description) add(embed.description);
  for (const field of embed.fields ?? []) {
    add(`${field.name}: ${field.value}`);
  }
  if (embed.image?.url) add(`image: ${embed.image.url}`);
  if (embed.video?.url) add(`video: ${embed.video.url}`);
  if (embed.thumbnail?.url && !embed.image?.url) add(`thumbnail: ${embed.thumbnail.url}`);
  if (embed.url) add(`link: ${embed.url}`);
  if (embed.footer?.text || embed.timestamp)
    add(`— ${[embed.footer?.text, embed.timestamp].filter(Boolean).join(' · ')}`);
  const title = embed.title ? ` ${readableMarkup(embed.title, names).slice(0, inner - 2)} ` : '';
  const lines = [`┌─${title}${'─'.repeat(Math.max(0, WIDTH - 3 - title.length))}┐`];
  for (const line of body) lines.push(`│ ${line.padEnd(inner)} │`);
  lines.push(`└${'─'.repeat(WIDTH - 2)}┘`);
  return lines;
}

interface ComponentLike {
  type: number;
  style?: number;
  label?: string;
  emoji?: { name?: string };
  custom_id?: string;
  url?: string;
  disabled?: boolean;
  placeholder?: string;
  options?: { label: string; value: string }[];
  components?: ComponentLike[];
}

/** The buttons and select menus of a message, numbered from `start`. */
export function messageButtons(message: Pick<APIMessage, 'components'>, start = 1): ConsoleButton[] {
  const buttons: ConsoleButton[] = [];
  for (const row of (message.components ?? []) as unknown as ComponentLike[]) {
    for (const c of row.components ?? []) {
      const number = start + buttons.length;
      if (c.type === ComponentType.Button) {
        const label = [c.emoji?.name, c.label].filter(Boolean).join(' ') || '(button)';
        buttons.push({
          number,
          label,
          customId: c.custom_id,
          url: c.style === ButtonStyle.Link ? c.url : undefined,
          disabled: c.disabled === true,
        });
      } else if (c.type === ComponentType.StringSelect) {
        buttons.push({
          number,
          label: c.placeholder ?? 'choose',
          customId: c.custom_id,
          disabled: c.disabled === true,
          select: { options: c.options ?? [] },
        });
      }
    }
  }
  return buttons;
}

export function renderMessage(
  message: APIMessage,
  names: RenderNames,
  options: { heading?: string; startNumber?: number; viewer?: string } = {},
): RenderedMessage {
  const lines: string[] = [];
  const ephemeral = ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
  const author = (message as APIMessage & { author?: { username?: string } }).author?.username ?? 'unknown';
  lines.push(`${options.heading ?? author}${ephemeral ? ` (only ${options.viewer ?? 'you'} can see this)` : ''}:`);
  if (message.content) lines.push(...wrap(readableMarkup(message.content, names), WIDTH).map((l) => `  ${l}`));
  for (const embed of message.embeds ?? []) lines.push(...renderEmbed(embed, names).map((l) => `  ${l}`));
  const buttons = messageButtons(message, options.startNumber ?? 1);
  for (const b of buttons) {
    const state = b.disabled ? ' (disabled)' : '';
    if (b.url) lines.push(`  [${b.number}] ${b.label} → ${b.url}${state}`);
    else if (b.select)
      lines.push(
        `  [${b.number}] ${b.label}: ${b.select.options.map((o) => `${o.value} (${o.label})`).join(', ')}${state}`,
      );
    else lines.push(`  [${b.number}] ${b.label}${state}`);
  }
  if (!message.content && (message.embeds ?? []).length === 0 && buttons.length === 0) lines.push('  (empty message)');
  return { text: lines.join('\n'), buttons };
}
