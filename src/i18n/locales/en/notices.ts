// English: what igcord says on its own about feeds and links — a paused or disabled feed's reason (in /feed list,
// /instagram feeds and the notices), the notice a feed's channel gets when the feed stops, and the DMs an owner
// gets about their Instagram link. Rendered from structured states (src/core/feed-state.ts) by
// src/discord/notice-text.ts; what Instagram or Discord said is passed through untranslated.
export const notices = {
  feed: {
    paused: '⏸ The Instagram feed `{{id}}` in <#{{channel}}> is paused: {{reason}}',
    disabled: '⚠️ The Instagram feed `{{id}}` in <#{{channel}}> was disabled: {{reason}}',
  },
  paused: {
    byPerson: 'by {{who}} {{when}}',
    byAdmin: 'by an admin {{when}}',
    ownerUnlinked: 'its owner unlinked their Instagram account; it resumes when they link that account again.',
    linkedElsewhere:
      '{{account}} is no longer linked. It resumes when its owner links that account again, or when they move it to the account they link now (the button on their link reply).',
    linkedElsewhereWords:
      '{{detail}}. It resumes when its owner links that account again, or when they move it to the account they link now (the button on their link reply).',
    linkBroken:
      "the owner's Instagram link stopped working. The owner runs /instagram link again with the same account and the feed resumes by itself.",
    linkBrokenToken:
      "the owner's Instagram link stopped working (token revoked or expired). The owner runs /instagram link again with the same account and the feed resumes by itself.",
    linkBrokenUnreadable:
      "the owner's Instagram link stopped working (the stored token cannot be read). The owner runs /instagram link again with the same account and the feed resumes by itself.",
    linkBrokenWords:
      "the owner's Instagram link stopped working ({{detail}}). The owner runs /instagram link again with the same account and the feed resumes by itself.",
    budget: "the owner's Instagram budget is spent; it resumes by itself.",
    budgetWords: "the owner's Instagram budget is spent ({{detail}}); it resumes by itself.",
    payerLeft:
      '{{member}} left the server, and their Instagram link pays for it. They can resume it once they manage the server again; or an admin removes it (`/feed remove`) and adds it with their own link.',
    payerNotManager:
      '{{member}} no longer has Manage Server, and their Instagram link pays for it. They can resume it once they manage the server again; or an admin removes it (`/feed remove`) and adds it with their own link.',
    payerWords:
      '{{detail}}, and their Instagram link pays for it. They can resume it once they manage the server again; or an admin removes it (`/feed remove`) and adds it with their own link.',
    payerUnknown:
      'the member who pays for it may no longer, and their Instagram link pays for it. They can resume it once they manage the server again; or an admin removes it (`/feed remove`) and adds it with their own link.',
    scope:
      'the feed needs the `{{scope}}` permission: the owner runs /instagram link scopes:{{scope}} with the same account and the feed resumes by itself.',
    noPayer:
      '{{member}} stopped paying for it with their Instagram link. They can resume it (`/feed resume`); or an admin removes it (`/feed remove`) and adds it with their own link.',
  },
  disabled: {
    discordError: 'Discord error {{code}}: {{why}}',
    missingAccess:
      'igcord lost access to the channel (Missing Access): give the bot View Channel there, then resume the feed',
    missingPermissions:
      'igcord lacks permission to post in the channel (needs Send Messages and Embed Links): fix it, then resume the feed',
    channelDeleted: 'the channel was deleted: remove this feed or move it to another channel',
    webhookDeleted: "the feed's webhook was deleted: set the feed up again",
    webhookInvalid: "the feed's webhook token is no longer valid: set the feed up again",
    forumTagRequired:
      "the forum requires a tag on each post and this post's hashtags name none of its tags: add a forum tag named after a hashtag the source uses, or turn off Require Tags, then resume the feed",
    threadLocked:
      'the thread is locked and igcord may not post in it (needs Manage Threads): unlock the thread, or give igcord Manage Threads there, then resume the feed',
    threadArchivedLocked:
      'the thread is archived and locked, and igcord may not reopen it (needs Manage Threads): unlock or reopen the thread, or give igcord Manage Threads there, then resume the feed',
    webhookKeyGone:
      "the feed's stored webhook token cannot be decrypted (its encryption key is no longer configured): set the feed up again",
    webhookDamaged: "the feed's stored webhook token cannot be decrypted (it is damaged): set the feed up again",
    webhookMissing: "the feed's webhook token is missing: set the feed up again",
    forumDigest: 'a forum feed cannot post digests: set `digest:off` or move it to a channel',
    notOnProvider: 'the Instagram API igcord uses here has {{what}}: remove this feed',
    instagramRefused: 'Instagram refuses this source ({{detail}})',
    unknown: 'no reason was recorded',
  },
  notAvailable: 'The Instagram API igcord uses here has {{what}}.',
  capability: {
    likes: 'no likes lists and no liking',
    relationships: 'no follower lists and no following',
    comments: 'no comments',
    'tag-feeds': 'no hashtag feeds (Hashtag Search needs Facebook Login)',
    'location-feeds': 'no location feeds',
    'account-feeds': 'no channel feeds of an account',
    'story-feeds': 'no story feeds',
    notifications: 'no notifications of new posts',
    search: 'no search for people, places or posts nearby',
    locations: 'no locations',
    tags: 'no hashtag counts or lookups by name',
    'comment-moderation': 'no hiding of or replying to comments',
    mentions: 'no list of posts you are tagged in',
    insights: 'no insights',
    'other-accounts': "no other accounts' profiles (Business Discovery needs Facebook Login)",
    'hashtag-search': 'no Hashtag Search (it needs Facebook Login)',
  },
  owner: {
    broken:
      'Your Instagram link to **{{account}}** stopped working ({{why}}). {{feeds}} Press **{{button}}** (or run `/instagram link`) with the same account and everything resumes.',
    expired: 'its token expired',
    refused: 'Instagram no longer accepts its token',
    noFeedPaused: 'Your commands need it.',
    feedsPaused_one: 'One feed you own is paused; your commands need it too.',
    feedsPaused_other: '{{count}} feeds you own are paused; your commands need it too.',
    expiring_one:
      'igcord could not renew the Instagram token of **{{account}}**, and it expires in {{count}} day ({{date}}). igcord keeps trying; to be safe, press **{{button}}** (or run `/instagram link`).',
    expiring_other:
      'igcord could not renew the Instagram token of **{{account}}**, and it expires in {{count}} days ({{date}}). igcord keeps trying; to be safe, press **{{button}}** (or run `/instagram link`).',
  },
};
