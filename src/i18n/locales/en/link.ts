// English: the link flow after the button of /instagram link — the edits of its ephemeral reply and the browser pages
// of igcord's link page, Discord's callback and Instagram's callback (src/http/link-page.ts, oauth-callback.ts).
// Page strings are plain text: the page renderer escapes them for HTML.
export const link = {
  reply: {
    browserMismatchInstagram:
      'Linking did not complete: Instagram sent the sign-in back to a browser that did not open your link, so nothing was linked. Run `/instagram link` and use its button yourself.',
    browserMismatchDiscord:
      'Linking did not complete: Discord sent the sign-in back to a browser that did not open your link, so nothing was linked. Run `/instagram link` and use its button yourself.',
    cancelledInstagram: 'Linking was cancelled on Instagram; nothing was linked. Run `/instagram link` to try again.',
    cancelledDiscord: 'Linking was cancelled on Discord; nothing was linked. Run `/instagram link` to try again.',
    noCodeInstagram: 'Linking did not complete (Instagram sent no sign-in code). Run `/instagram link` to try again.',
    noCodeDiscord: 'Linking did not complete (Discord sent no sign-in code). Run `/instagram link` to try again.',
    refused: 'Nothing was linked: {{reason}}',
    failed: 'Linking failed: {{reason}} Run `/instagram link` to try again.',
    discordUnconfirmed:
      'Linking failed: Discord could not confirm who opened the link. Run `/instagram link` to try again.',
    otherUser:
      'Your link was opened by another Discord account, so nothing was linked. Links only work for the person who ran `/instagram link`; run it again to link your own account.',
  },
  page: {
    close: 'You can close this tab and go back to Discord.',
    nothingLinked: 'Nothing was linked.',
    nothingLinkedRetry: 'Nothing was linked. Run /instagram link in Discord to try again.',
    invalidTitle: 'This link is not valid',
    malformed:
      'The address is incomplete or malformed. Nothing was linked. Run /instagram link in Discord to get a new link.',
    expiredTitle: 'This link has expired',
    expired:
      'Links from /instagram link work for 10 minutes and only once. Run /instagram link in Discord again to get a new one.',
    unknown:
      'It has expired (links work for 10 minutes), it was already used, or it did not come from igcord. Nothing was linked.',
    getNewLink: 'Run /instagram link in Discord to get a new link.',
    mismatchTitle: 'This sign-in did not start in this browser',
    mismatch:
      'igcord only finishes a link in the browser that opened it from your /instagram link message, and this browser did not. If someone sent you this address, do not use it.',
    mismatchNext:
      'Nothing was linked, and this link no longer works. Run /instagram link in Discord yourself and use its button in this browser.',
    cancelledTitle: 'You cancelled linking',
    cancelledInstagram: 'You chose not to give igcord access to your Instagram account, so nothing was linked.',
    cancelledDiscord:
      'You chose not to confirm your Discord account, so igcord did not continue to Instagram and nothing was linked.',
    linkLater: 'To link later, run /instagram link in Discord again.',
    instagramErrorTitle: 'Instagram did not complete the sign-in',
    instagramError:
      'Instagram sent the browser back with an error instead of a sign-in code. Nothing was linked. Run /instagram link in Discord to try again.',
    discordErrorTitle: 'Discord did not complete the sign-in',
    discordError:
      'Discord sent the browser back with an error instead of a sign-in code. Nothing was linked. Run /instagram link in Discord to try again.',
    noCodeInstagramTitle: 'Instagram sent no sign-in code',
    noCodeDiscordTitle: 'Discord sent no sign-in code',
    refusedAccountTitle: 'This Instagram account cannot be linked',
    rateLimitedTitle: 'Instagram is busy',
    rateLimited: 'Too many sign-ins are being completed right now; wait a few minutes.',
    exchangeRefusedTitle: 'Instagram refused the sign-in code',
    exchangeRefused: 'Instagram did not accept the sign-in code (it expires quickly and works once).',
    instagramUnavailableTitle: 'Instagram is not answering',
    instagramUnavailable: 'Instagram did not answer properly while completing the sign-in.',
    discordRefusedTitle: 'Discord refused the sign-in code',
    discordRefused: 'Discord did not accept the sign-in code (it works once and expires quickly).',
    discordUnavailableTitle: 'Discord is not answering',
    discordUnavailable: 'igcord could not ask Discord who signed in.',
    retryLater: 'Nothing was linked. Run /instagram link in Discord to try again in a few minutes.',
    otherUserTitle: 'This link was made for another Discord account',
    otherUser:
      'You are signed in to Discord as {{name}}, but this link was made by someone else with /instagram link. If someone sent it to you, do not use it: it would give them your Instagram account.',
    otherUserNext:
      'Nothing was linked, and this link no longer works. To link your own Instagram account, run /instagram link yourself in Discord.',
    linkedTitle: 'Linked @{{username}}',
    linked: 'Instagram account @{{username}} is now linked to {{who}}.',
    whoNamed: 'Discord user {{name}} (user id {{id}})',
    whoUnnamed: 'your Discord account (user id {{id}})',
    scopes:
      'igcord may use: {{scopes}}. The access token is stored encrypted and only used for your own commands and feeds.',
  },
  refusal: {
    thisAccount: 'This account',
    personalAccount:
      "{{account}} is a personal Instagram account; only professional (Business or Creator) accounts can be linked. Switch it to a professional account in Instagram's settings (free), then link again.",
    notOnPages: 'None of your Facebook Pages has {{account}} linked as a professional Instagram account.',
    noneOnPages:
      'None of your Facebook Pages has a professional Instagram account linked. Switch the Instagram account to a professional account (free) and link it to a Page you manage, then link again.',
  },
};
