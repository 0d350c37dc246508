// The modal of /feed template: Discord allows five text inputs, so the message text, title, description and
// footer get one each and the rest (author, colour, image, button) share a fifth, one `name: value` per line.
// Prefilled with the feed's template (or the starter one); what comes back is read into a template here, every
// mistake named, and then checked against Discord's limits by template-check.ts. The modal's labels speak the
// admin's language; the setting names (`author:`, `colour:`…), their values and the placeholders are igcord's
// syntax and stay as they are in every language.
import { ComponentType, TextInputStyle, type APIModalInteractionResponseCallbackData } from 'discord.js';
import { IMAGE_CHOICES, type FeedTemplate, type ImageChoice } from '../../src/core/index.js';
import { text, type Text, type Translate } from '../../src/i18n/i18n.js';

export const TEMPLATE_MODAL_PREFIX = 'feed:tpl-modal';
export const templateModalId = (feedId: string) => `${TEMPLATE_MODAL_PREFIX}:${feedId}`;
export const parseTemplateModalId = (customId: string) => /^feed:tpl-modal:([a-z0-9]{1,40})$/.exec(customId)?.[1];

const FIELDS = { content: 'content', title: 'title', description: 'description', footer: 'footer', more: 'more' };

const colourText = (colour: number | undefined) =>
  colour === undefined ? 'none' : `#${colour.toString(16).padStart(6, '0').toUpperCase()}`;

/** The fifth input's text: author, colour, image and button, one per line. */
export const moreText = (t: FeedTemplate) =>
  [
    `author: ${t.author}`,
    `colour: ${colourText(t.colour)}`,
    `image: ${t.image}`,
    `button: ${t.button ? 'on' : 'off'}`,
  ].join('\n');

const input = (id: string, label: string, value: string, style: TextInputStyle, max: number, placeholder: string) => ({
  type: ComponentType.ActionRow as const,
  components: [
    {
      type: ComponentType.TextInput as const,
      custom_id: id,
      label,
      style,
      required: false,
      max_length: max,
      placeholder,
      ...(value !== '' ? { value } : {}),
    },
  ],
});

/** The modal, prefilled with `template`, its title and labels in the admin's language (`t`). */
export function templateModal(
  feedId: string,
  template: FeedTemplate,
  t: Translate,
): APIModalInteractionResponseCallbackData {
  return {
    custom_id: templateModalId(feedId),
    // Discord allows 45 characters in a modal's title and 45 in a text input's label.
    title: t('feedCraft.modal.title', { id: feedId }).slice(0, 45),
    components: [
      input(
        FIELDS.content,
        t('feedCraft.modal.content').slice(0, 45),
        template.content,
        TextInputStyle.Paragraph,
        2000,
        t('feedCraft.modal.contentPlaceholder'),
      ),
      input(
        FIELDS.title,
        t('feedCraft.modal.embedTitle').slice(0, 45),
        template.title,
        TextInputStyle.Short,
        256,
        '{caption_first_line}',
      ),
      input(
        FIELDS.description,
        t('feedCraft.modal.description').slice(0, 45),
        template.description,
        TextInputStyle.Paragraph,
        4000,
        '{caption}',
      ),
      input(
        FIELDS.footer,
        t('feedCraft.modal.footer').slice(0, 45),
        template.footer,
        TextInputStyle.Short,
        2048,
        t('feedCraft.modal.footerPlaceholder'),
      ),
      input(
        FIELDS.more,
        t('feedCraft.modal.more').slice(0, 45),
        moreText(template),
        TextInputStyle.Paragraph,
        400,
        'author: {author}\ncolour: #E1306C\nimage: first\nbutton: on',
      ),
    ],
  };
}

const ON = new Set(['on', 'yes', 'true']);
const OFF = new Set(['off', 'no', 'false', '']);

/** The template typed into the modal, or the reasons it cannot be read (worded in the reader's language later). */
export function readTemplateModal(values: (id: string) => string): { template: FeedTemplate } | { problems: Text[] } {
  const problems: Text[] = [];
  const template: FeedTemplate = {
    content: values(FIELDS.content).trim(),
    title: values(FIELDS.title).trim(),
    description: values(FIELDS.description).trim(),
    footer: values(FIELDS.footer).trim(),
    author: '',
    image: 'first',
    button: false,
  };
  for (const line of values(FIELDS.more).split('\n')) {
    if (line.trim() === '') continue;
    const match = /^\s*([a-z]+)\s*:(.*)$/i.exec(line);
    const name = match?.[1]?.toLowerCase();
    const value = match?.[2]?.trim() ?? '';
    if (name === 'author') template.author = value;
    else if (name === 'colour' || name === 'color') {
      const hex = /^#?([0-9a-f]{6})$/i.exec(value);
      if (hex) template.colour = Number.parseInt(hex[1]!, 16);
      else if (value.toLowerCase() !== 'none' && value !== '')
        problems.push(text('feedCraft.problem.badColour', { value: value.slice(0, 40) }));
    } else if (name === 'image') {
      if ((IMAGE_CHOICES as readonly string[]).includes(value.toLowerCase()))
        template.image = value.toLowerCase() as ImageChoice;
      else problems.push(text('feedCraft.problem.badImage', { value: value.slice(0, 40) }));
    } else if (name === 'button') {
      if (ON.has(value.toLowerCase())) template.button = true;
      else if (!OFF.has(value.toLowerCase()))
        problems.push(text('feedCraft.problem.badButton', { value: value.slice(0, 40) }));
    } else problems.push(text('feedCraft.problem.notSetting', { line: line.trim().slice(0, 40) }));
  }
  return problems.length > 0 ? { problems } : { template };
}
