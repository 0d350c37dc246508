// English: the shared replies — what a refused option says (commands/_shared/input, commands/media/media-reference.ts),
// the pages' buttons and their answers (src/discord/pagination.ts), tags and places (commands/_shared/places,
// /tag, /location), pasting a token and unlinking (commands/instagram), durations in words, and what /help says a
// provider cannot do. Names, tags, places and ids are Instagram's, never translated.
export const replies = {
  options: {
    /** One refused option: its name as the person sees it, then why ("must be …"). */
    refused: '`{{option}}` {{reason}}',
    notANumber: 'must be a number.',
    between: 'must be between {{min}} and {{max}}.',
    wholeMetres: 'must be a whole number of metres.',
    distanceMin: 'must be between 1 and {{max}} metres.',
    distanceMax: 'must be between 1 and {{max}} metres (Instagram searches at most {{max}} m around a point).',
    tagEmpty: 'must name a tag, such as sunset.',
    tagTooLong: 'must be at most {{max}} characters.',
    tagWord:
      'must be one word of letters, digits, _ or emoji, without spaces or punctuation (for example sunset or new_york).',
    locationForms:
      'Pick a location from the suggestions, or give a numeric Instagram location id, or coordinates such as `60.1699, 24.9384`.',
    locationId: "`{{option}}` must be Instagram's numeric location id.",
  },
  scopes: {
    invalid: 'Those scopes are not valid. Choose among: {{scopes}} (separated by spaces).',
  },
  post: {
    missing: 'The post is missing.',
    tooLong: 'That is too long to be an Instagram post link, shortcode or id.',
    notAPost: '"{{typed}}" is not an Instagram post.',
    understood:
      'Give a post link (https://www.instagram.com/p/…/), its shortcode (the part after /p/), or a media id such as `1368346650868743235_1127977711`.',
  },
  pages: {
    previous: '◀ Previous',
    next: 'Next ▶',
    page: 'Page {{n}}',
    pageOf: 'Page {{n}} of {{count}}',
    empty: 'There is nothing to show.',
    badButton: 'That button does not page anything.',
    onlyOwner: 'Only {{owner}} can page this.',
    expired: 'These pages have expired. Run the command again.',
    elsewhere:
      'The rest of this list is still being loaded by another igcord process. Run the command again to see further.',
    placeEmpty: 'There are no recent posts here that you can see.',
    placeEnd_one: 'That was the last post; there is {{count}} in all.',
    placeEnd_other: 'That was the last post; there are {{count}} in all.',
  },
  places: {
    posts: 'Posts',
    tagFooter: 'Instagram · tag',
    tagChoice_one: '#{{tag}} · {{posts}} post',
    tagChoice_other: '#{{tag}} · {{posts}} posts',
    tagLine_one: '{{tag}} — {{posts}} post',
    tagLine_other: '{{tag}} — {{posts}} posts',
    tagsMatching: 'Tags matching #{{query}}',
    tagsFooter_one: 'Instagram · {{count}} tag',
    tagsFooter_other: 'Instagram · {{count}} tags',
    location: 'Location {{id}}',
    locationLower: 'location {{id}}',
    unnamed: 'Unnamed place',
    locationIdChoice: 'Location id {{id}}',
    locationId: 'Location id',
    coordinates: 'Coordinates',
    address: 'Address',
    locationFooter: 'Instagram · location',
    within: 'Places within {{radius}} m of {{point}}',
    placesFooter_one: 'Instagram · {{count}} place',
    placesFooter_other: 'Instagram · {{count}} places',
    nothingNear: 'Instagram knows no location within {{radius}} m of {{point}}.',
    nothingNearTry:
      'Instagram knows no location within {{radius}} m of {{point}}. Try `/location search` with a larger distance.',
    noNameSearch: 'Instagram cannot find a place by its name alone.',
    noneNamedNear: 'No place with that name is near {{point}}, where you last searched.',
    howToPick:
      'Type coordinates such as `60.1699, 24.9384` into `location` and pick a place from the suggestions, or give its numeric location id.',
  },
  duration: {
    hours_one: 'hour',
    hours_other: '{{count}} hours',
    minutes_one: '{{count}} minute',
    minutes_other: '{{count}} minutes',
    seconds_one: '{{count}} second',
    seconds_other: '{{count}} seconds',
  },
  paste: {
    title: 'Paste an Instagram access token',
    tokenLabel: 'Access token',
    scopesLabel: 'Scopes granted to this token',
    malformed: 'That does not look like an Instagram access token. Nothing was linked.',
    limited: 'You have pasted {{max}} tokens in the last {{window}}. You can paste again {{when}}. Nothing was linked.',
    rejected: 'Instagram did not accept that token: it is invalid, revoked or expired. Nothing was linked.',
    budget:
      'igcord cannot check pasted tokens right now: many were checked in the last {{window}}. Try again {{when}}, or press **Authorize on Instagram** in `/instagram link`, which still works. Nothing was linked.',
  },
  linked: {
    done: 'Linked Instagram account **{{account}}** to your Discord account.{{resumed}} Try `/instagram me`.',
    resumed_one: ' One paused feed of this account resumed.',
    resumed_other: ' {{count}} paused feeds of this account resumed.',
    leftBehind_one:
      '⚠️ **{{old}} is no longer linked**, and one feed was set up with it. It stays paused until you link {{old}} again, or you move it to {{account}}:',
    leftBehind_other:
      '⚠️ **{{old}} is no longer linked**, and {{count}} feeds were set up with it. They stay paused until you link {{old}} again, or you move them to {{account}}:',
    feedLine: '• feed `{{id}}` in {{channel}}',
    moreFeeds: '…and {{count}} more (see /feed list).',
    moveButton: 'Move to {{account}}: {{id}}',
  },
  unlink: {
    nothingLinked: 'You have no linked Instagram account, so there is nothing to unlink.',
    confirm: 'Unlink',
    cancel: 'Cancel',
    ask: 'Unlink Instagram account **{{account}}**? igcord deletes its access token.',
    askFeeds_one:
      'Unlink Instagram account **{{account}}**? igcord deletes its access token, and the one active feed it pays for pauses until you link it again.',
    askFeeds_other:
      'Unlink Instagram account **{{account}}**? igcord deletes its access token, and the {{count}} active feeds it pays for pause until you link it again.',
    cancelled: 'Cancelled; your Instagram account is still linked.',
    done: 'Unlinked Instagram account **{{account}}**. igcord deleted its access token.',
    noFeeds: 'You own no active feeds, so no channel is affected.',
    paused_one: 'One feed you own is now paused, and resumes when you link {{account}} again:',
    paused_other: '{{count}} feeds you own are now paused, and resume when you link {{account}} again:',
    feedLine: '• {{source}} in {{channel}} (feed `{{id}}`)',
    more: '…and {{count}} more.',
    source: {
      account: 'posts of {{account}}',
      location: 'location {{id}}',
      stories: 'stories of {{account}}',
      comments: "comments on {{account}}'s posts",
      mentions: 'mentions of {{account}}',
    },
  },
  help: {
    line: '{{commands}} — {{api}} has {{lack}}.',
    api: { v1: "Instagram's Platform API v1", graph: "Instagram's current API" },
  },
};
