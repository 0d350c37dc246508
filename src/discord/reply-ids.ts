// Every stable id a user-facing reply can carry, in one closed set: `UserFacingError` and the error mapping accept
// only these, so a misspelt id or a second spelling of an outcome fails to compile. Tests and logs match on the
// id (logged as `replyId` on the interaction's line), never on the wording, which may change freely.
// Groups: `instagram.*` Instagram or the link said no; `input.*` an option the person typed is refused before any
// call; `feeds.*` /feed and the delivery engine's actions; `igcord.*` the bot itself; the rest per command.
export const REPLY_IDS = [
  // The link and Instagram's answers (mapped in commands/_shared/describe-error.ts, or thrown where the outcome is known first).
  'instagram.not-linked',
  'instagram.token-broken',
  'instagram.scope-missing',
  'instagram.budget-exhausted',
  'instagram.rate-limited',
  'instagram.not-found',
  'instagram.not-allowed',
  'instagram.comment-rejected',
  'instagram.invalid-input',
  'instagram.unavailable',
  /** The configured Instagram API does not offer this at all (InstagramNotAvailableError). */
  'instagram.not-available',
  // /instagram link and the paste-a-token modal.
  'instagram.link-prompts-limited',
  'instagram.pastes-limited',
  'instagram.paste-budget',
  'instagram.token-malformed',
  'instagram.token-rejected',
  // An option refused before any Instagram call (commands/_shared/input/).
  'input.invalid',
  'input.invalid-tag',
  'input.invalid-location',
  'input.invalid-media',
  'input.invalid-username',
  'input.invalid-query',
  'input.invalid-scopes',
  // /feed, and the delivery engine's actions behind it (src/feeds/feed-actions.ts).
  'feeds.guild-only',
  'feeds.not-allowed',
  'feeds.not-found',
  /** A comments feed's Hide or Reply pressed by someone who is not the account's linked owner. */
  'comments.not-owner',
  'feeds.guild-unavailable',
  'feeds.channel-gone',
  'feeds.channel-lookup-failed',
  'feeds.channel-no-access',
  'feeds.channel-kind',
  /** A webhook delivery asked for a forum or a thread (webhooks belong to text channels). */
  'feeds.webhook-place',
  'feeds.bot-missing-permissions',
  'feeds.mention-everyone',
  'feeds.mention-not-allowed',
  'feeds.payer-only',
  'feeds.stop-paying',
  'feeds.duplicate',
  'feeds.hashtag-slots',
  'feeds.edit-nothing',
  'feeds.edit-conflict',
  'feeds.digest-time',
  'feeds.mention-gone',
  'feeds.owner-link-broken',
  'feeds.backfill-count',
  /** /feed template and /feed settings: a template or a setting refused, with the reasons; nothing saved. */
  'feeds.template-invalid',
  'feeds.template-expired',
  'feeds.settings-invalid',
  'feeds.post-retry',
  'feeds.post-disable',
  'feeds.post-skip',
  'feeds.filter-refused',
  'feeds.filter-not-found',
  'feeds.why-unreadable',
  // Lists paged one post at a time (media-pages.ts) and the pagination buttons (pagination.ts).
  'media-list.empty',
  'media-list.end',
  'pagination.empty',
  'pagination.bad-button',
  'pagination.elsewhere',
  // Per command.
  'media.comment-rules',
  'places.nothing-near',
  'user.not-found',
  'follows.no-request',
  'follows.own-account',
  // The bot itself: a subcommand or button it no longer has, shutdown, Discord permissions, the unexpected.
  'igcord.unknown-subcommand',
  'igcord.unknown-button',
  'igcord.shutting-down',
  'discord.missing-permissions',
  'internal',
] as const;

export type ReplyId = (typeof REPLY_IDS)[number];
