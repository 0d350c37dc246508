// English: what /feed says while feeds are added, edited, moved, paid for and checked (commands/feed: add-account,
// channel-permissions, edit-feed, hashtag-slots, mention-role, move-feed, payer, resumable, feed-autocomplete).
// Grouped by the file that says them; the older /feed strings stay in feed.ts.
export const feedManage = {
  consent: {
    ask: "This feed reads {{account}} with your Instagram link and budget: confirm. New posts of {{account}} will appear in {{channel}}; checking for them spends your Instagram budget, and `/feed list` names you as the feed's payer, with when you confirmed.",
    confirmButton: 'Confirm',
    cancelled: 'Cancelled: nothing was added.',
    adding: 'Adding the feed…',
    needsPublicContent:
      'A feed of {{account}} reads that account\'s posts with your Instagram link, and it was not given the "{{scope}}" permission. Link again and grant it. Nothing was created.',
    roleGone: 'The role {{role}} is gone. Run the command again. Nothing was created.',
    accountGone:
      'Instagram no longer finds the account you confirmed: it may have been deleted or renamed. Nothing was created.',
    added:
      'Feed `{{id}}` added: new posts of {{account}} will appear in {{channel}}, read with your Instagram link and budget. It starts from the newest post now; `/feed test feed:{{id}}` posts that one to check.{{mention}}',
  },
  channel: {
    webhookPlace:
      '{{channel}} is a forum or a thread: feeds post there as the bot. Leave `delivery` out (or choose bot message). Nothing was changed.',
    guildUnavailable: 'I cannot see this server right now. Try again in a minute.',
    gone: 'The channel {{channel}} does not exist any more, or I cannot see it.',
    wrongKind: '{{channel}} is not a text, announcement or forum channel, nor a thread; feeds post into those.',
    missingPermissions_one:
      'I cannot post this feed in {{channel}}: I am missing {{permissions}} there. Give my role those permissions in that channel (or the server), then run the command again. Nothing was created.',
    missingPermissions_other:
      'I cannot post this feed in {{channel}}: I am missing {{permissions}} there. Give my role those permissions in that channel (or the server), then run the command again. Nothing was created.',
    noAccess:
      'Discord says I have no access to {{channel}} (Missing Access). Give my role **{{viewChannel}}** there, then run the command again. Nothing was created.',
    lookupFailed:
      'Discord did not answer properly when I looked up {{channel}}. Try again in a minute. Nothing was created.',
    // Discord's own names of the permissions, as its settings show them.
    permission: {
      viewChannel: 'View Channel',
      sendMessages: 'Send Messages',
      embedLinks: 'Embed Links',
      readMessageHistory: 'Read Message History',
      manageWebhooks: 'Manage Webhooks',
      sendMessagesInThreads: 'Send Messages in Threads',
      manageThreads: 'Manage Threads',
      other: 'permission {{bit}}',
    },
  },
  edit: {
    nothing:
      'Nothing to change: give feed `{{id}}` a new `channel`, `mention`, `delivery`, `digest` or `on-change`, or `clear-mention`.',
    conflict: 'Give a role to `mention`, or `clear-mention`, not both. Nothing was changed.',
    noEveryone: 'A feed cannot mention @everyone. Choose a role, or clear the mention. Nothing was changed.',
    removedMeanwhile: 'Feed `{{id}}` was removed meanwhile; nothing was changed.',
    duplicate: '{{channel}} already follows this source: feed `{{id}}`. Nothing was changed.',
    edited:
      'Feed `{{id}}` now posts to {{channel}} as {{mode}}, {{mentioning}}. When a post is edited or deleted on Instagram within 24 h: `{{onChange}}` ({{onChangeMeaning}}).',
    kept: ' Its payer, state and delivered posts are kept: nothing already posted is posted again.',
    asForumThreads: 'a new thread per post',
    asWebhook: 'posts of a channel webhook',
    asBot: 'bot messages',
    mentioning: 'mentioning {{role}}',
    mentioningNobody: 'mentioning nobody',
    onChange: {
      edit: 'its message is edited to match',
      mark: 'its message is marked as edited or deleted',
      leave: 'its message is left as posted',
    },
  },
  hashtagSlots: {
    fullUntil:
      'Your Instagram account has used its {{limit}} hashtags for this week (Instagram counts each new hashtag for 7 days), so {{tag}} cannot be followed yet: a slot frees on {{date}} ({{relative}}). Nothing was created.',
    fullWithinWeek:
      'Your Instagram account has used its {{limit}} hashtags for this week (Instagram counts each new hashtag for 7 days), so {{tag}} cannot be followed yet: a slot frees within 7 days of the oldest one. Nothing was created.',
  },
  mentionRole: {
    notMentionable:
      '{{role}} is not mentionable, and you lack **Mention Everyone**, so a feed you set up cannot ping it. Make the role mentionable in Server Settings, choose another role, or leave the mention out. Nothing was created.',
  },
  move: {
    gone: 'That feed no longer exists.',
    payerOnly: 'Feed `{{id}}` is paid for by {{payer}}: only they can move it to their new account.',
    linkBroken: 'Your Instagram link does not work now: run /instagram link, then move the feed.',
    already: 'Feed `{{id}}` already uses **{{account}}**.',
    moved:
      "Feed `{{id}}` ({{channel}}) moved to **{{account}}**: that account's link reads and pays for it from now on.",
  },
  payer: {
    // One sentence per action: the verb and its object read differently in each language.
    only: {
      resume:
        'Feed `{{id}}` reads Instagram with the link of {{payer}}, who pays for it: only they can resume it, since that spends their Instagram budget. You can pause or remove it, and add it again with your own link.',
      test: 'Feed `{{id}}` reads Instagram with the link of {{payer}}, who pays for it: only they can test it, since that spends their Instagram budget. You can pause or remove it, and add it again with your own link.',
      backfill:
        'Feed `{{id}}` reads Instagram with the link of {{payer}}, who pays for it: only they can backfill it, since that spends their Instagram budget. You can pause or remove it, and add it again with your own link.',
    },
  },
  resumable: {
    linkGone:
      'Feed `{{id}}` reads Instagram with the link of {{owner}}, which is gone. They need to link that account again before the feed can resume.',
    linkBroken:
      'Feed `{{id}}` reads Instagram with the link of {{owner}}, which no longer works. They need to link that account again before the feed can resume.',
    linkElsewhere:
      'Feed `{{id}}` reads Instagram with the link of {{owner}}, which now points to another Instagram account. They need to link that account again before the feed can resume.',
  },
  autocomplete: {
    feed: '{{id}} · {{source}} → #{{channel}} ({{state}})',
    state: { active: 'active', paused: 'paused', disabled: 'disabled' },
  },
};
