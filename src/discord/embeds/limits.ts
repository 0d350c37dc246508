// Discord's embed limits in one place, as numbers and as a zod schema that every rendered message is checked
// against (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). Lengths are counted
// in UTF-16 code units (String#length), which is never less than what Discord counts, so passing here means
// passing there. A message over the limits is rejected whole by Discord (400, code 50035), which is how feed
// posts silently go missing; the renderer truncates instead, and tests hold it to this schema.
import { z } from 'zod';
import type { APIEmbed } from 'discord.js';

export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Sum of title, description, field names and values, footer text and author name over all embeds of a message. */
  total: 6000,
  embedsPerMessage: 10,
  url: 2048,
} as const;

/** Discord shows up to this many images in one gallery (embeds that share the same `url`). */
export const GALLERY_IMAGES = 4;

const text = (max: number) => z.string().min(1).max(max);
const url = z
  .string()
  .max(EMBED_LIMITS.url)
  .regex(/^(https?|attachment):\/\//, 'expected an http(s) URL');
const media = z.object({ url }).loose();

export const embedSchema = z
  .object({
    title: text(EMBED_LIMITS.title).optional(),
    description: text(EMBED_LIMITS.description).optional(),
    url: url.optional(),
    timestamp: z.iso.datetime({ offset: true }).optional(),
    color: z.number().int().min(0).max(0xffffff).optional(),
    footer: z.object({ text: text(EMBED_LIMITS.footerText), icon_url: url.optional() }).optional(),
    image: media.optional(),
    thumbnail: media.optional(),
    author: z.object({ name: text(EMBED_LIMITS.authorName), url: url.optional(), icon_url: url.optional() }).optional(),
    fields: z
      .array(
        z.object({
          name: text(EMBED_LIMITS.fieldName),
          value: text(EMBED_LIMITS.fieldValue),
          inline: z.boolean().optional(),
        }),
      )
      .max(EMBED_LIMITS.fields)
      .optional(),
  })
  .strict();

/** Characters of an embed that count towards the 6000 per message. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

export const messageEmbedsSchema = z
  .array(embedSchema)
  .max(EMBED_LIMITS.embedsPerMessage)
  .refine((embeds) => embeds.reduce((sum, e) => sum + embedLength(e as APIEmbed), 0) <= EMBED_LIMITS.total, {
    error: `the embeds of one message exceed ${EMBED_LIMITS.total} characters in total`,
  });
