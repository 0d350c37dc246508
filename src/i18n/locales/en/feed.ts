// English: /feed's replies (commands/feed). New /feed strings go here, grouped by the file that says them.
export const feed = {
  source: {
    tag: 'tag {{tag}}',
    location: 'location {{id}}',
    accountPosts: "{{account}}'s posts",
    accountId: 'the posts of Instagram account {{id}}',
    accountStories: "{{account}}'s stories",
    storiesId: 'the stories of Instagram account {{id}}',
    accountComments: "comments on {{account}}'s posts",
    commentsId: "the comments on Instagram account {{id}}'s posts",
    accountMentions: 'mentions of {{account}}',
    mentionsId: 'the mentions of Instagram account {{id}}',
  },
  list: {
    title: 'Feeds in this server ({{count}})',
    footer: 'Remove, pause, resume, test or backfill a feed with /feed and its id.',
    field: 'Feed `{{id}}`',
    state: { active: '▶ active', paused: '⏸ paused', disabled: '⛔ disabled' },
    noCheck: 'none while it is not active',
    notScheduled: 'not scheduled',
    paidBy: 'Paid by {{payer}}',
    consented: ', who consented {{when}}',
    mentions: 'mentions {{role}}',
    nobody: 'nobody',
    postsAsWebhook: 'posts as a channel webhook',
    postsAsBot: 'posts as bot messages',
    postsAsForum: 'posts as a thread per post',
    stateLine: 'State: {{state}}',
    lastDelivery: 'Last delivery {{when}} · next check {{next}}',
    never: 'never',
    filters_one: 'Filters: {{count}} rule (/feed filter list)',
    filters_other: 'Filters: {{count}} rules (/feed filter list)',
    move: 'Move to {{account}}: {{id}}',
    hashtagSlots:
      "Paused: the payer's Instagram account has used its 30 hashtags for this week (Instagram counts each new hashtag for 7 days), so it cannot look this tag up; a slot frees on {{date}}, and the feed resumes by itself then.",
  },
  remove: {
    removeButton: 'Remove',
    cancelButton: 'Cancel',
    confirm:
      'Remove feed `{{id}}` ({{source}} → {{channel}})? Nothing more will be posted for it, and this cannot be undone.',
    notFeedButton: 'That button does not belong to a feed command.',
    onlyInvoker: 'Only {{user}} can answer this.',
    cancelled: 'Cancelled; nothing was removed.',
    alreadyRemoved: 'Feed `{{id}}` was already removed.',
    removed: 'Feed `{{id}}` ({{source}} → {{channel}}) is removed; nothing more will be posted for it.',
    webhookKept: ' I could not delete its channel webhook; you can delete it in the channel settings.',
  },
  admin: {
    guildOnly: 'Feeds belong to a server channel: run this command in a server.',
    notAllowed: 'Only members with the Manage Server permission can manage feeds in this server.',
    notFound: 'There is no feed `{{id}}` in this server. Run /feed list to see its feeds.',
  },
  manage: {
    alreadyPaused: 'Feed `{{id}}` is already paused ({{reason}}).',
    paused: 'Feed `{{id}}` is paused: nothing is posted to {{channel}} until you resume it.',
    alreadyActive: 'Feed `{{id}}` is already active.',
    waitsForSlot:
      "Feed `{{id}}` cannot resume yet: its payer's Instagram account has used its 30 hashtags for this week. A slot frees on {{date}}; the feed resumes by itself then, or you can resume it after that.",
    resumed: 'Feed `{{id}}` is active again: new posts appear in {{channel}}.',
    none: 'This server has no feeds yet. Add one with `/feed add-account`, `/feed add-tag` or `/feed add-location`.',
  },
  posting: {
    tested: 'Posted the latest media of feed `{{id}}` to {{channel}}, marked as a test.',
    nothingToTest: 'Feed `{{id}}` has nothing to post: its source has no media yet.',
    backfillCount: 'A backfill posts 1 to {{max}} posts.',
    postButton: 'Post {{count}}',
    confirm_one:
      'Post the last {{count}} post of feed `{{id}}` to {{channel}} now? Posts it already delivered are not posted again.',
    confirm_other:
      'Post the last {{count}} posts of feed `{{id}}` to {{channel}} now? Posts it already delivered are not posted again.',
    cancelled: 'Backfill cancelled; nothing was posted.',
    posting: 'Posting up to {{count}} posts of feed `{{id}}` to {{channel}}…',
    done_one: 'Backfill of feed `{{id}}` done: {{count}} post sent to {{channel}}.',
    done_other: 'Backfill of feed `{{id}}` done: {{count}} posts sent to {{channel}}.',
  },
  catchUp: {
    postButton: 'Post the {{count}} missed',
    skipButton: 'Skip to now',
    ask_one:
      'Feed `{{id}}` missed {{count}} post while it was stopped. Post it to {{channel}} (oldest first), or skip to now and post only what comes next?',
    ask_other:
      'Feed `{{id}}` missed {{count}} posts while it was stopped. Post them to {{channel}} (oldest first), or skip to now and post only what comes next?',
    posting: 'Posting what feed `{{id}}` missed…',
    skipping: 'Skipping what feed `{{id}}` missed…',
    posted_one: 'Feed `{{id}}` is active again: posted the {{count}} missed post to {{channel}}.',
    posted_other: 'Feed `{{id}}` is active again: posted the {{count}} missed posts to {{channel}}.',
    skipped_one: 'Feed `{{id}}` is active again: skipped {{count}} post; new posts appear in {{channel}}.',
    skipped_other: 'Feed `{{id}}` is active again: skipped {{count}} posts; new posts appear in {{channel}}.',
  },
  add: {
    pointNotPlace:
      'A feed follows one place, not a point: pick a place from the suggestions shown for those coordinates, or give its numeric location id.',
    noPlace: 'Give a place: pick one from the suggestions, or give its numeric location id.',
    noEveryone: 'A feed cannot mention @everyone. Choose a role, or leave the mention out.',
    needsPublicContent:
      'Tag and location feeds read public content with your Instagram link, and it was not given the "{{scope}}" permission. Link again and grant it.',
    duplicate: '{{channel}} already follows this source: feed `{{id}}`.',
    mentions: ' Each post mentions {{role}}.',
    namesOnly:
      ' Each post names {{role}}, but that role is not mentionable and I lack **Mention Everyone** here, so it will not ping anyone.',
    placeSource: 'location {{name}} ({{id}})',
    asWebhook: 'posts of a channel webhook',
    asBot: 'bot messages',
    asForumThreads: 'a new thread per post, tagged with the forum tags its hashtags name',
    added:
      'Feed `{{id}}` added: new posts ({{what}}) will appear in {{channel}} as {{mode}}.{{mention}} It starts from the newest post now; `/feed test feed:{{id}}` posts that one to check.',
  },
};
