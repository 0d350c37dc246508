// English: what the shared lookups say (commands/_shared): a link that stopped working, an Instagram user, post,
// tag or place that cannot be found or read, a username that is not one.
export const lookups = {
  linkBroken: 'Your Instagram link to {{account}} no longer works. Link your account again to continue.',
  linkBrokenBecause:
    'Your Instagram link to {{account}} no longer works ({{reason}}). Link your account again to continue.',
  notFound: {
    user: 'Instagram could not find the user {{name}}. The account may have been deleted or renamed, or it is not visible to this app.',
    media:
      'Instagram could not find the post {{name}}. It may have been deleted, its link may be mistyped, or it is not visible to this app.',
    tag: 'Instagram could not find the tag {{name}}. Check the spelling, or pick one of the suggestions while typing.',
    location:
      'Instagram could not find the location {{name}}. Check the id, or pick one of the suggestions while typing.',
  },
  notAllowed: {
    user: 'Instagram does not allow that for the user {{name}}: the account is private, and you are not one of its approved followers.',
    media: 'Instagram does not allow that for the post {{name}}: its account may be private.',
    tag: 'Instagram does not allow that for the tag {{name}}: the tag is blocked.',
    location: 'Instagram does not allow that for the location {{name}}: the place may be restricted.',
  },
  noSuchUser:
    'No Instagram account is called @{{username}}. Check the spelling, or pick one of the suggestions while typing.',
  notAUsername:
    '`{{typed}}` is not an Instagram username. Usernames are up to 30 letters, digits, periods or underscores, like `kenji.photo`.',
};
