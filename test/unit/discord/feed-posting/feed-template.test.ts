// A feed's template drawn for a post, and the checks that decide whether an admin's template may be saved.
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../../src/log.js';
import { STARTER_TEMPLATE, type FeedTemplate, type PostTarget } from '../../../../src/core/index.js';
import { feedMessage } from '../../../../src/discord/feed-posting/discord-feed-poster.js';
import { checkTemplate, problemText } from '../../../../src/discord/feed-posting/template-check.js';
import { createTranslations } from '../../../../src/i18n/i18n.js';
import { formatPostTime, renderTemplate } from '../../../../src/discord/feed-posting/template-render.js';
import { carouselMedia, imageMedia } from '../media-fixtures.js';

const log = createLogger({ level: 'silent' });
const translations = createTranslations();
const en = translations.forLocale('en-US');
/** The reasons `checkTemplate` gives, worded in a locale (English unless told). */
const problems = (t: FeedTemplate, locale = 'en-US') =>
  checkTemplate(t).map((p) => problemText(p, translations.forLocale(locale)));
const utc = { timeZone: 'UTC', format: 'medium' } as const;
const template = (t: Partial<FeedTemplate>): FeedTemplate => ({ ...STARTER_TEMPLATE, ...t });
const target = (t?: FeedTemplate, role?: string): PostTarget => ({
  feedId: 'f1',
  channelId: '1',
  mentionRoleId: role,
  delivery: { mode: 'message' },
  template: t,
  time: utc,
});

describe('feed template rendering', () => {
  it('fills every placeholder from the post', () => {
    const post = imageMedia({ caption: 'First line\nsecond line #sunset', username: 'lena_bakes' });
    const out = renderTemplate(
      template({
        content: '{author} posted a {kind}: {permalink}',
        title: '{caption_first_line}',
        description: '{tags} at {location} · {likes} likes, {comments} comments',
        footer: '{time}',
        author: '{author_name}',
      }),
      post,
      utc,
      en,
    );
    expect(out.content).toBe(`@lena\\_bakes posted a image: ${post.permalink}`);
    expect(out.embeds[0]!.title).toBe('First line');
    expect(out.embeds[0]!.description).toBe('#sunset #beach at Brighton Beach · 1234 likes, 56 comments');
    expect(out.embeds[0]!.footer!.text).toBe(formatPostTime(post.time, utc));
    expect(out.embeds[0]!.author!.name).toBe('Igcord Tester');
  });

  it('writes {time} in the server time zone and style', () => {
    expect(formatPostTime(1469541290, { timeZone: 'UTC', format: 'short' })).toBe('7/26/16, 1:54 PM');
    expect(formatPostTime(1469541290, { timeZone: 'Asia/Tokyo', format: 'short' })).toBe('7/26/16, 10:54 PM');
  });

  it('writes {time} in the server’s language, American English for an English server', () => {
    const post = imageMedia({ caption: 'hola' });
    post.time = 1469541290;
    const footer = (locale: string) =>
      renderTemplate(template({ footer: '{time}' }), post, utc, translations.forLocale(locale)).embeds[0]!.footer!.text;
    expect(footer('pt-BR')).toBe('26 de jul. de 2016, 13:54:50');
    expect(footer('es-419')).toBe('26 jul 2016, 13:54:50');
    expect(footer('en-GB')).toBe(formatPostTime(post.time, utc));
    expect(formatPostTime(post.time, utc)).toMatch(/^Jul 26, 2016, 1:54:50\sPM$/);
  });

  it('shows the first image, a gallery of up to four, or none, and the Open on Instagram button', () => {
    const post = carouselMedia(6);
    expect(renderTemplate(template({ image: 'first' }), post, utc, en).embeds).toHaveLength(1);
    const gallery = renderTemplate(template({ image: 'all' }), post, utc, en).embeds;
    expect(gallery).toHaveLength(4);
    expect(new Set(gallery.map((e) => e.url))).toEqual(new Set([post.permalink]));
    const none = renderTemplate(template({ image: 'none', button: true }), post, utc, en);
    expect(none.embeds[0]!.image).toBeUndefined();
    expect(none.components[0]!.components[0]).toMatchObject({ label: 'Open on Instagram', url: post.permalink });
    const spanish = renderTemplate(template({ button: true }), post, utc, translations.forLocale('es-ES'));
    expect(spanish.components[0]!.components[0]).toMatchObject({ label: 'Abrir en Instagram' });
  });

  it('puts the role mention first and pings nothing else, whatever the caption says', () => {
    const post = imageMedia({ caption: '@everyone <@&99> <@123> [click](https://evil.example)' });
    const body = feedMessage(target(template({ content: '{caption}' }), '42'), post, { intent: { nonce: '1' } }, log);
    expect(body.content).toMatch(/^<@&42> /);
    expect(body.content!.replace(/\\[\s\S]/g, '')).not.toMatch(/@everyone|<@&99>|<@123>|\]\(/);
    expect(body.allowed_mentions).toEqual({ parse: [], roles: ['42'] });
  });

  it('leaves a feed without a template rendered as before', () => {
    const post = imageMedia();
    const body = feedMessage(target(undefined, '42'), post, { intent: { nonce: '1' } }, log);
    expect(body.content).toBe('<@&42>');
    expect(body.embeds![0]!.title).toBe('Photo by @igcord\\_tester'.replace('\\', ''));
  });
});

describe('feed template checks', () => {
  it('accepts the starter template', () => {
    expect(checkTemplate(STARTER_TEMPLATE)).toEqual([]);
  });

  it('names an unknown placeholder and lists the known ones', () => {
    const [problem] = problems(template({ title: 'By {user}' }));
    expect(problem).toContain('Unknown placeholder `{user}` in the title');
    expect(problem).toContain('{caption_first_line}');
  });

  it('refuses a part that the longest post would push over Discord limit', () => {
    expect(problems(template({ title: '{caption}' }))[0]).toContain('The title can reach 2200 characters');
    expect(problems(template({ description: '{caption}\n{caption}' }))[0]).toContain('description');
    expect(problems(template({ content: 'x'.repeat(1950) + '{author}{kind}{likes}' }))[0]).toContain(
      'The message text can reach',
    );
  });

  it('refuses a template that shows nothing', () => {
    const empty = { content: '', title: '', description: '', author: '', footer: '', image: 'none' as const };
    expect(problems(template(empty))[0]).toContain('shows nothing');
  });

  it('words each reason, and the part it names, in the reader’s language', () => {
    expect(problems(template({ title: 'By {user}' }), 'es-ES')[0]).toMatch(
      /^Marcador desconocido `\{user\}` en el título\. Marcadores disponibles: \{author\}, /,
    );
    expect(problems(template({ description: '{caption}\n{caption}' }), 'pt-BR')[0]).toMatch(
      /^A descrição pode chegar a \d+ caracteres com o post mais longo possível \(o Discord permite 4096\)\.$/,
    );
  });
});
