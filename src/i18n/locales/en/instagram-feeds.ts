// English: /instagram feeds — the feeds a person's Instagram link pays for, and stopping paying for one.
export const instagramFeeds = {
  none: 'Your Instagram link pays for no feed in any server.',
  title: 'Feeds your Instagram link pays for ({{n}})',
  fieldName: 'Feed `{{id}}`',
  where: 'Server **{{server}}** · {{channel}}',
  follows: 'Follows {{source}}',
  source: {
    account: 'posts of Instagram account {{id}}',
    location: 'location {{id}}',
    stories: 'stories of Instagram account {{id}}',
    comments: 'comments on the posts of Instagram account {{id}}',
    mentions: 'mentions of Instagram account {{id}}',
  },
  footer: "Page {{page}} of {{pages}} · stopping pauses that feed only; its server's admins are told.",
  stopButton: 'Stop paying: {{id}}',
  previous: 'Previous',
  next: 'Next',
  buttonGone: 'This button is no longer active. Run `/instagram feeds` again.',
  notPaying:
    'Your Instagram link does not pay for that feed (any more). Run `/instagram feeds` to see the ones it does.',
  alreadyPaused: 'You no longer pay for feed `{{id}}`; it was already paused for that.',
  stoppedTold: 'You no longer pay for feed `{{id}}`: it is paused, and its channel was told. Your other feeds go on.',
  stoppedUntold:
    'You no longer pay for feed `{{id}}`: it is paused, and its channel could not be told. Your other feeds go on.',
};
