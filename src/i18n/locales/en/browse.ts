// English: the post lists of /user, /account, /tag, /hashtag and /location (commands/<name>): headings, and what
// they say when there is nothing (more) to show. Names, tags and places are Instagram's, never translated.
export const browse = {
  noPosts: '**{{account}}** has no posts to show.',
  noPostsPlain: '{{account}} has no posts to show.',
  recentOf: 'Recent posts of **{{account}}**',
  lastOf: 'That was the last post of {{account}}.',
  lastOfShown: 'That was the last post of {{account}} igcord can show.',
  typeToSearch: 'Type part of a username or a name to search for.',
  accountsMatching: 'Instagram accounts matching “{{query}}”',
  noAccountMatches: 'No Instagram account matches “{{query}}”.',
  noTagged: 'No recent posts tagged **{{tag}}** that you can see.',
  recentTagged: 'Recent posts tagged **{{tag}}**',
  noTagStarts: 'No hashtags start with **{{query}}**.',
  hashtagId: '**{{tag}}** is hashtag `{{id}}` on Instagram.',
  noTaggedDay: 'No public posts tagged **{{tag}}** in the last 24 hours.',
  noTaggedDayPlain: 'No public posts tagged {{tag}} in the last 24 hours.',
  taggedDay: 'Posts tagged **{{tag}}** in the last 24 hours',
  lastTaggedDay: 'That was the last post tagged {{tag}} of the last 24 hours.',
  noPostsAt: 'No recent posts at **{{place}}** that you can see.',
  recentAt: 'Recent posts at **{{place}}**',
  people_one: 'Instagram · {{from}}–{{to}} of {{count}} person',
  people_other: 'Instagram · {{from}}–{{to}} of {{count}} people',
};
