// Discord's limits on message bodies (https://discord.com/developers/docs/resources/message#create-message and
// .../resources/message#embed-object-embed-limits), as zod schemas, and the translation of zod's issues into
// Discord's 50035 error tree (`{ embeds: { 0: { title: { _errors: [{ code, message }] } } } }`). The same schemas
// check channel messages, webhook executions, interaction responses and their edits, because Discord applies
// the same limits to all of them and igcord's embeds must fit whichever way they are sent.
import { z } from 'zod';
import { ComponentType } from 'discord-api-types/v10';
import { invalidFormBody, type DiscordFakeError, type FormErrors } from './errors.js';

export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  rowButtons: 5,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  selectOptionLabel: 100,
  selectOptionValue: 100,
  selectPlaceholder: 150,
  nonce: 25,
  webhookUsername: 80,
  modalTitle: 45,
  autocompleteChoices: 25,
  choiceName: 100,
} as const;

// A custom issue carries Discord's error code in its params so the translation can keep it.
const discordIssue = (code: string, message: string) => ({
  code: 'custom' as const,
  message,
  params: { discordCode: code },
});

const url = z.string().refine((v) => URL.canParse(v) && /^(https?|attachment):$/.test(new URL(v).protocol), {
  params: { discordCode: 'URL_TYPE_INVALID_URL' },
  message: 'Not a well formed URL.',
});

const embed = z.looseObject({
  title: z.string().max(LIMITS.embedTitle).optional(),
  description: z.string().max(LIMITS.embedDescription).optional(),
  url: url.optional(),
  color: z.number().int().min(0).max(0xffffff).optional(),
  footer: z.looseObject({ text: z.string().max(LIMITS.footerText), icon_url: url.optional() }).optional(),
  author: z
    .looseObject({ name: z.string().max(LIMITS.authorName), url: url.optional(), icon_url: url.optional() })
    .optional(),
  image: z.looseObject({ url }).optional(),
  thumbnail: z.looseObject({ url }).optional(),
  fields: z
    .array(
      z.looseObject({
        name: z.string().min(1).max(LIMITS.fieldName),
        value: z.string().min(1).max(LIMITS.fieldValue),
        inline: z.boolean().optional(),
      }),
    )
    .max(LIMITS.embedFields)
    .optional(),
});
type Embed = z.output<typeof embed>;

export function embedLength(e: Embed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

const customId = z.string().min(1).max(LIMITS.customId);

const button = z.looseObject({
  type: z.literal(ComponentType.Button),
  style: z.number().int().min(1).max(6),
  label: z.string().max(LIMITS.buttonLabel).optional(),
  custom_id: customId.optional(),
  url: url.optional(),
});

const stringSelect = z.looseObject({
  type: z.literal(ComponentType.StringSelect),
  custom_id: customId,
  placeholder: z.string().max(LIMITS.selectPlaceholder).optional(),
  options: z
    .array(
      z.looseObject({
        label: z.string().min(1).max(LIMITS.selectOptionLabel),
        value: z.string().min(1).max(LIMITS.selectOptionValue),
        description: z.string().max(100).optional(),
      }),
    )
    .min(1)
    .max(LIMITS.selectOptions),
  min_values: z.number().int().min(0).max(25).optional(),
  max_values: z.number().int().min(1).max(25).optional(),
});

const otherSelect = z.looseObject({
  type: z.union([
    z.literal(ComponentType.UserSelect),
    z.literal(ComponentType.RoleSelect),
    z.literal(ComponentType.MentionableSelect),
    z.literal(ComponentType.ChannelSelect),
  ]),
  custom_id: customId,
});

const actionRow = z
  .looseObject({
    type: z.literal(ComponentType.ActionRow),
    components: z
      .array(z.union([button, stringSelect, otherSelect]))
      .min(1)
      .max(LIMITS.rowButtons),
  })
  .superRefine((row, ctx) => {
    // A select menu takes a whole row (Discord: "An Action Row can contain up to 5 buttons or a single select").
    if (row.components.length > 1 && row.components.some((c) => c.type !== ComponentType.Button)) {
      ctx.addIssue({
        ...discordIssue('COMPONENT_LAYOUT_WIDTH_EXCEEDED', 'The specified component exceeds the maximum width'),
        path: ['components'],
      });
    }
  });

/** Fields shared by every message body Discord accepts (create and edit, channel, webhook, interaction). */
export const messageBodySchema = z
  .looseObject({
    content: z.string().max(LIMITS.content).nullish(),
    embeds: z.array(embed).max(LIMITS.embeds).nullish(),
    components: z.array(actionRow).max(LIMITS.actionRows).nullish(),
    nonce: z.union([z.string().max(LIMITS.nonce), z.number().int()]).optional(),
    enforce_nonce: z.boolean().optional(),
    tts: z.boolean().optional(),
    flags: z.number().int().nullish(),
    username: z.string().min(1).max(LIMITS.webhookUsername).optional(),
    avatar_url: url.optional(),
    allowed_mentions: z.unknown().optional(),
    message_reference: z.looseObject({ message_id: z.string().optional() }).optional(),
  })
  .superRefine((body, ctx) => {
    const embeds = body.embeds ?? [];
    if (embeds.reduce((n, e) => n + embedLength(e), 0) > LIMITS.embedTotal) {
      ctx.addIssue({
        ...discordIssue('MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${LIMITS.embedTotal}`),
        path: ['embeds'],
      });
    }
    const ids = (body.components ?? []).flatMap((row) => row.components.map((c) => c.custom_id).filter(Boolean));
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({
        ...discordIssue('COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated'),
        path: ['components'],
      });
    }
    // Discord refuses webhook names that impersonate it.
    if (body.username !== undefined && /discord|clyde/i.test(body.username)) {
      ctx.addIssue({
        ...discordIssue('USERNAME_INVALID_CONTAINS', 'Username cannot contain "discord"'),
        path: ['username'],
      });
    }
  });
export type MessageBody = z.output<typeof messageBodySchema>;

const textInput = z.looseObject({
  type: z.literal(ComponentType.TextInput),
  custom_id: customId,
  style: z.number().int().min(1).max(2),
  label: z.string().min(1).max(45).optional(),
  min_length: z.number().int().min(0).max(4000).optional(),
  max_length: z.number().int().min(1).max(4000).optional(),
  value: z.string().max(4000).optional(),
  placeholder: z.string().max(100).optional(),
});
const modalComponent = z.union([
  z.looseObject({ type: z.literal(ComponentType.ActionRow), components: z.array(textInput).length(1) }),
  z.looseObject({
    type: z.literal(ComponentType.Label),
    label: z.string().min(1).max(45),
    component: z.looseObject({ type: z.number(), custom_id: customId }),
  }),
  z.looseObject({ type: z.literal(ComponentType.TextDisplay), content: z.string().max(4000) }),
]);

export const modalSchema = z.looseObject({
  custom_id: customId,
  title: z.string().min(1).max(LIMITS.modalTitle),
  components: z.array(modalComponent).min(1).max(5),
});
export type ModalBody = z.output<typeof modalSchema>;

export const autocompleteResultSchema = z.looseObject({
  choices: z
    .array(
      z.looseObject({
        name: z.string().min(1).max(LIMITS.choiceName),
        value: z.union([z.string().max(100), z.number()]),
      }),
    )
    .max(LIMITS.autocompleteChoices),
});

/** Parses a body or throws Discord's 50035 with the error tree of every problem found. */
/** `at` prefixes the error paths, e.g. `['data']` for an interaction callback's message, as Discord nests them. */
export function checkBody<S extends z.ZodType>(schema: S, body: unknown, at: string[] = []): z.output<S> {
  // reportInput: the translation needs to tell a missing field (REQUIRED) from one of the wrong type.
  const result = schema.safeParse(body, { reportInput: true });
  if (result.success) return result.data;
  throw toInvalidFormBody(result.error.issues, at);
}

export function toInvalidFormBody(issues: readonly z.core.$ZodIssue[], at: string[] = []): DiscordFakeError {
  const root: FormErrors = {};
  for (const issue of issues) {
    let node: FormErrors = root;
    for (const key of [...at, ...issue.path]) {
      const k = String(key);
      const next = (node[k] as FormErrors | undefined) ?? {};
      node[k] = next;
      node = next;
    }
    (node._errors ??= []).push(describe(issue));
  }
  return invalidFormBody(root);
}

function describe(issue: z.core.$ZodIssue): { code: string; message: string } {
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'number'
        ? { code: 'NUMBER_TYPE_MAX', message: `int value should be less than or equal to ${issue.maximum}.` }
        : { code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${issue.maximum} or fewer in length.` };
    case 'too_small':
      return issue.origin === 'number'
        ? { code: 'NUMBER_TYPE_MIN', message: `int value should be greater than or equal to ${issue.minimum}.` }
        : { code: 'BASE_TYPE_MIN_LENGTH', message: `Must be ${issue.minimum} or more in length.` };
    case 'invalid_type':
      return issue.input === undefined
        ? { code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }
        : { code: 'BASE_TYPE_BAD_TYPE', message: `Value must be of type ${issue.expected}.` };
    case 'invalid_value':
    case 'invalid_union':
      return { code: 'BASE_TYPE_CHOICES', message: 'Value must be one of the allowed values.' };
    case 'custom': {
      const discordCode = (issue.params as { discordCode?: string } | undefined)?.discordCode;
      return { code: discordCode ?? 'BASE_TYPE_INVALID', message: issue.message };
    }
    default:
      return { code: 'BASE_TYPE_INVALID', message: issue.message };
  }
}
