// English: how a feed's posts are crafted and explained — /feed template (its modal, preview, Save and Cancel),
// /feed preview, /feed settings, /feed filter, /feed why, /feed edit's digest options, and the reasons a template
// or a filter rule is refused. Placeholder names (`{caption}`) and typed values (`image: first`) are igcord's
// syntax and stay as they are in every language; Instagram's content and re2js's own error wording pass through.
export const feedCraft = {
  template: {
    reset: 'Feed `{{id}}` posts with the built-in layout again.',
    previewHeader: "Preview of feed `{{id}}` on its source's latest post (only you see this):",
    draftHeader: "Preview of the new template of feed `{{id}}` on its source's latest post. Save it?",
    noPost: 'The source has no post yet to draw it on.',
    refused: 'The template of feed `{{id}}` was not saved:\n{{problems}}',
    saveButton: 'Save',
    cancelButton: 'Cancel',
    onlyAuthor: 'Only the admin who wrote this template can save it.',
    cancelled: 'Cancelled: the template was not saved.',
    expired: 'This preview has expired or was already answered. Run /feed template again.',
    saved: 'Saved: new posts of feed `{{id}}` use this template.',
  },
  modal: {
    title: 'Template of feed {{id}}',
    content: 'Message text',
    contentPlaceholder: 'New post by {author}: {permalink}',
    embedTitle: 'Embed title',
    description: 'Embed description',
    footer: 'Embed footer',
    footerPlaceholder: 'Instagram · {time}',
    more: 'Author, colour, image, button',
  },
  problem: {
    badColour: '`{{value}}` is not a colour: write it as #RRGGBB (e.g. #E1306C) or none.',
    badImage: '`image: {{value}}` must be first, all (a gallery) or none.',
    badButton: '`button: {{value}}` must be on or off.',
    notSetting: '`{{line}}` is not a setting: the last box takes author:, colour:, image: and button: lines.',
    unknownPlaceholder: 'Unknown placeholder `{{placeholder}}` in {{part}}. Known placeholders: {{known}}.',
    tooLong: '{{part}} can reach {{length}} characters with the longest possible post (Discord allows {{limit}}).',
    embedTooLong:
      'Title, description, author and footer together can reach {{length}} characters with the longest possible post (Discord allows {{limit}} in all).',
    empty: 'The template shows nothing: fill in at least one part or show an image.',
  },
  /** A template's part inside a sentence ("in the title"). */
  partIn: {
    content: 'the message text',
    title: 'the title',
    description: 'the description',
    author: 'the author',
    footer: 'the footer',
  },
  /** A template's part opening a sentence ("The title can reach…"). */
  partSubject: {
    content: 'The message text',
    title: 'The title',
    description: 'The description',
    author: 'The author',
    footer: 'The footer',
  },
  /** The "Open on Instagram" link button a template may add to its posts (the server's language). */
  /** The Intl locale `{time}` is written in (a BCP 47 tag, not words): the server's language's dates. */
  timeLocale: 'en-US',
  openButton: 'Open on Instagram',
  settings: {
    badZone:
      '`{{zone}}` is not a time zone: use an IANA name such as Europe/Paris or America/New_York. Nothing was changed.',
    badFormat: 'The time format is one of {{formats}}.',
    saved: 'Feed templates of this server write times in {{zone}}, {{format}} style: now is "{{example}}".',
    format: { short: 'short', medium: 'medium', long: 'long', full: 'full' },
  },
  filter: {
    semantics:
      'A post passes when, for each field that has include rules, it matches at least one of them, and it matches no exclude rule. Keywords and regular expressions read the caption and the location name, ignoring case. A post held back is recorded as filtered (see /feed why) and never posted.',
    none: 'No rules: every post is delivered.',
    rule: 'Rule {{n}}: {{rule}}',
    refused: 'Rule not saved. {{reason}}',
    duplicate: 'Rule not saved: feed `{{id}}` already has it.',
    full: 'Rule not saved: feed `{{id}}` already has {{max}} rules, the most a feed can have.',
    gone: 'Feed `{{id}}` was removed meanwhile.',
    noRule: 'Feed `{{id}}` has no rule {{n}}. Run /feed filter list to see its rules.',
    added: '{{semantics}}\n\nFeed `{{id}}` now filters with:\n{{rules}}',
    removed: 'Removed {{rule}} from feed `{{id}}`. Its rules now:\n{{rules}}',
    list: '{{semantics}}\n\nFilters of feed `{{id}}`:\n{{rules}}',
  },
  /** A rule in words: `include hashtag #sunset`; the value is shown as typed. */
  rule: {
    words: '{{mode}} {{field}} {{value}}',
    noneMatched: '{{mode}} {{field}} rules (none matched)',
    mode: { include: 'include', exclude: 'exclude' },
    field: { hashtag: 'hashtag', keyword: 'keyword', regex: 'regex', kind: 'kind', author: 'author' },
  },
  /** Why a typed rule is refused (src/core/feed-filters.ts gives the reason as data). */
  refusal: {
    empty: 'The value is empty.',
    hashtag: '`{{typed}}` is not a hashtag: letters, digits and _ only, up to {{max}}.',
    keywordLength: 'A keyword is at most {{max}} characters.',
    regexLength: 'A regular expression is at most {{max}} characters.',
    regex: 'Invalid regular expression: {{error}}',
    kind: 'A kind is one of: {{kinds}}.',
    authorOnAccount: 'Author rules are for tag and location feeds: an account feed has one author.',
    username: '`{{typed}}` is not an Instagram username.',
  },
  why: {
    notPost:
      '"{{typed}}" is not an Instagram post. Give a post link (https://www.instagram.com/p/…/) or a media id such as `1368346650868743235_1127977711`.',
    unreadable:
      'igcord needs a linked Instagram account to read that post: link yours with /instagram link, or give the media id.',
    thisPost: 'this post by {{author}}',
    media: 'media `{{id}}`',
    noFeedFollows: 'No feed of this server follows the account, a tag or the place of {{what}}.',
    noFeedRecord:
      "No feed of this server has a record of {{what}}. Give the post's link to see which feeds could carry it.",
    header: 'What happened to {{what}}:',
    line: '• Feed `{{id}}` in {{channel}}: {{outcome}}',
    delivered: 'delivered {{when}}: {{link}}',
    filtered: 'filtered by {{rule}} {{when}}; it will not be posted.',
    digestWaiting: 'waiting for its digest: in the digest due at {{at}} ({{when}}).',
    nextChecked: 'next checked {{when}}',
    beingRead: 'being read now',
    notScheduled: 'not scheduled in this process',
    stoppedOverBudget: " Its last read stopped early: over budget (the payer's Instagram budget frees {{when}}).",
    stopped: ' Its last read stopped early: {{reason}}',
    failed: 'failed: {{reason}}. It is posted if the feed is resumed.',
    discordRefused: 'Discord refused it',
    pausedWaiting: 'paused ({{reason}}); the post waits to be posted when the feed resumes.',
    waiting: 'waiting to be posted (the last try failed, or it is next in line); its source is {{next}}.',
    overBudget: 'over budget: {{reason}} Its source is {{next}}.',
    paused: 'paused: {{reason}}',
    disabled: 'disabled: {{reason}}',
    noRecord: 'no record of this media in the feed.',
    notSeen: 'not seen yet: its source is {{next}}.{{stopped}}',
    beforeFeed: 'posted on Instagram before this feed was added.',
    pastRecords: 'no record: the feed keeps the records of its last 200 posts, and this one is not among them.',
  },
  digest: {
    badTime:
      "`{{typed}}` is not a time of day: give `digest-time` as HH:MM (00:00 to 23:59), in the server's time zone. Nothing was changed.",
    timeNeeded:
      "A daily digest needs its time: add `digest-time` as HH:MM (the server's time zone). Nothing was changed.",
    timeWithout:
      '`digest-time` sets the time of a daily digest: add `digest:daily` (feed `{{id}}` is not daily). Nothing was changed.',
    forum:
      'A forum feed makes a thread per post and cannot post digests: move it to a text channel first. Nothing was changed.',
    now: ' It posts {{schedule}}.',
    waiting: ' Posts already gathered still go out in the digest they wait for.',
    perPost: 'one message per post',
    hourly: 'an hourly digest ({{zone}})',
    daily: 'a daily digest at {{at}} ({{zone}})',
  },
};
