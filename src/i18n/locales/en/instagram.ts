// English: /instagram's replies (commands/instagram): the link prompt, the linked profile, the budget.
export const instagram = {
  promptsLimited:
    'You have asked for {{max}} link prompts in the last {{window}}. You can ask again {{when}}; the last prompt you got still works until it expires.',
  promptAuthorize:
    'Press **Authorize on Instagram**: Discord first confirms it is you, then sign in on Instagram and allow igcord. When you are done, this message changes to say which account was linked.',
  promptScopes:
    'igcord asks for: {{scopes}}. The link works once, only for you, and expires {{when}}. Do not share it.',
  promptPaste: 'Have an access token already (sandbox or implicit flow)? Press **Paste a token** instead.',
  promptLinked: 'You are linked to **{{account}}**; linking again replaces it.',
  promptLinkedBroken: 'You are linked to **{{account}}** (the link no longer works); linking again replaces it.',
  authorizeButton: 'Authorize on Instagram',
  pasteButton: 'Paste a token',
  linkedTo: 'Linked to **{{account}}** {{when}} · can use: {{scopes}}',
  buttonGone: 'This button is no longer active. Run `/instagram link` again.',
  quota: {
    title: 'Instagram budget of @{{username}}',
    windowMinutes: '{{n}}-minute',
    windowSeconds: '{{n}}-second',
    used: '**{{used}}** of **{{limit}}** calls used in the sliding {{window}} window; **{{remaining}}** remaining.',
    paused: 'Instagram asked igcord to wait: calls for this account start again {{when}}.',
    now: 'Now: {{running}} running, {{waiting}} waiting.',
    bucket: { likes: 'Likes', comments: 'Comments', relationships: 'Relationships' },
    bucketUsed: '{{used}} / {{limit}} used',
    bucketFrees: 'frees {{when}}',
    broken: 'This link no longer works: run /instagram link to relink.',
    shared: 'Feeds and your commands share this budget.',
    nothingCounted: 'Nothing is counted in the current window.',
    usedUp: 'Used up: the next call can start {{when}}.',
    oldestLeaves: 'The oldest counted call leaves the window {{when}}.',
  },
  token: {
    pageToken: 'Token: a Facebook Page token, which does not expire.',
    notRenewed: 'not renewed yet (igcord renews it about weekly)',
    renewed: 'last renewed {{when}}',
    validUntil: 'Token valid until {{date}} ({{when}}) · {{renewed}}',
    noUsage: 'No usage reported by Instagram yet for this account (Instagram reports it once enough calls were made).',
    usage:
      "Instagram last reported **{{percent}} %** of this account's usage (the highest of calls, CPU and time) {{when}}.",
    slots: 'Hashtag slots',
    slotsUnavailable: 'Not available with Instagram Login (no hashtag search).',
    slotsUsed: '**{{used}}** of **{{limit}}** used (unique hashtags per rolling 7 days)',
    slotsNext: '{{used}}; the next frees {{when}}.',
  },
};
