// Renders an Instagram profile (a core Profile) as one embed: name, picture, bio, website and the
// media / followers / following counts, held to Discord's limits like every other embed.
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Profile } from '../../core/index.js';
import { validate } from '../../util/validate.js';
import { englishOnly, type Translate } from '../../i18n/i18n.js';
import { EMBED_LIMITS, messageEmbedsSchema } from './limits.js';
import { INSTAGRAM_COLOR } from './media-embed.js';
import { instagramProfileUrl, link, plain, safeUrl, truncate } from './text.js';

const count = (n: number) => n.toLocaleString('en-US');

/** The profile's embed, its labels in the reader's language (`t`; English when not given). */
export function renderUserEmbed(user: Profile, t: Translate = englishOnly()): APIEmbed {
  const profile = safeUrl(instagramProfileUrl(user.username));
  const fields: APIEmbedField[] = [
    { name: t('embeds.posts'), value: count(user.counts.posts), inline: true },
    { name: t('embeds.followers'), value: count(user.counts.followers), inline: true },
    { name: t('embeds.following'), value: count(user.counts.following), inline: true },
  ];
  const website = safeUrl(user.website);
  if (website) {
    const linked = link(truncate(plain(website), 200), website);
    // A link cut short would break its markdown: past the limit the address is shown as plain text.
    fields.push({
      name: t('embeds.website'),
      value: linked.length <= EMBED_LIMITS.fieldValue ? linked : truncate(plain(website), EMBED_LIMITS.fieldValue),
    });
  }

  const embed: APIEmbed = {
    color: INSTAGRAM_COLOR,
    title: truncate(
      plain(user.name ? `${user.name} (@${user.username})` : `@${user.username}`, 'label'),
      EMBED_LIMITS.title,
    ),
    fields,
    footer: { text: user.business ? t('embeds.businessAccount') : 'Instagram' },
  };
  if (profile) embed.url = profile;
  const bio = plain(user.bio).trim();
  if (bio) embed.description = truncate(bio, EMBED_LIMITS.description);
  const picture = safeUrl(user.avatar);
  if (picture) embed.thumbnail = { url: picture };
  return validate(messageEmbedsSchema, [embed], 'profile embed')[0] as APIEmbed;
}
