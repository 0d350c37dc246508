// A feed's message template (docs/decisions/0026): the text of its message and of its embed's fields, with
// `{placeholders}` for the post's fields, its colour, which images it shows and whether an "Open on Instagram"
// button goes with it. A feed without one posts as igcord always has (the built-in rendering). Also the server's
// time settings that `{time}` is written in. Pure data: the Discord renderer (src/discord/feed-posting, which also
// owns the placeholders) draws it, storage keeps it, commands edit it; nothing here knows Discord.
import { z } from 'zod';

export const IMAGE_CHOICES = ['first', 'all', 'none'] as const;
export type ImageChoice = (typeof IMAGE_CHOICES)[number];

export const feedTemplateSchema = z.object({
  content: z.string().max(2000),
  title: z.string().max(256),
  description: z.string().max(4000),
  author: z.string().max(256),
  footer: z.string().max(2048),
  /** 0xRRGGBB; absent: no colour. */
  colour: z.number().int().min(0).max(0xffffff).optional(),
  image: z.enum(IMAGE_CHOICES),
  button: z.boolean(),
});
export type FeedTemplate = z.output<typeof feedTemplateSchema>;
/** The template's text parts, each a string with placeholders; empty means "leave that part out". */
export type TemplateTextField = 'content' | 'title' | 'description' | 'author' | 'footer';

/** How a server writes `{time}`: an IANA time zone and one of Intl's date-time styles. */
export const TIME_FORMATS = ['short', 'medium', 'long', 'full'] as const;
export type TimeFormat = (typeof TIME_FORMATS)[number];
export const timeSettingsSchema = z.object({
  timeZone: z.string().min(1).max(64),
  format: z.enum(TIME_FORMATS),
});
export type TimeSettings = z.output<typeof timeSettingsSchema>;

/** Whether `Intl` knows the zone (an unknown one makes DateTimeFormat throw a RangeError). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * What the modal offers to start from: a template that looks like the built-in rendering (author, caption, the
 * post's time, the first image, Instagram's colour). Saving it unchanged makes the feed templated; resetting
 * goes back to the built-in rendering itself.
 */
export const STARTER_TEMPLATE: FeedTemplate = {
  content: '',
  title: '',
  description: '{caption}',
  author: '{author}',
  footer: 'Instagram · {kind} · {time}',
  colour: 0xe1306c,
  image: 'first',
  button: false,
};
