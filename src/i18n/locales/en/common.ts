// English: what every command shares — the router's own answers, link buttons, and the error mapping's replies
// (commands/_shared/describe-error.ts). The source of truth the other catalogues are checked against.
export const common = {
  router: {
    done: 'Done.',
    commandGone: 'This command is not available any more. It may have been removed; try again in a minute.',
    buttonGone: 'This button is no longer active. Run the command again.',
    unknownSubcommand: '/{{command}} {{subcommand}} is not available any more. Try again in a minute.',
    invalidChoice: '`{{option}}` must be one of: {{choices}}.',
  },
  buttons: {
    linkInstagram: 'Link Instagram',
    relinkInstagram: 'Relink Instagram',
  },
  errors: {
    notLinked: 'You have not linked an Instagram account yet. Link one to use this command.',
    feedOwnerNotLinked: 'The owner of this feed has no linked Instagram account.',
    feedOwnerLinkBroken:
      "The Instagram link of this feed's owner stopped working; the owner needs to run /instagram link again.",
    backfillCount: 'A backfill takes 1 to 10 posts.',
    postRefused: 'Discord did not take the post: {{reason}}',
    budgetExhausted: 'Your Instagram request budget is used up for now. It frees {{when}}; try again then.',
    shuttingDown: 'The bot is restarting. Try again in a minute.',
    rateLimited: 'Instagram is limiting requests for your account right now. Try again in a few minutes.',
    rateLimitedUntil: 'Instagram is limiting requests for your account right now. It frees {{when}}; try again then.',
    scopeMissing:
      'Your Instagram link does not allow this: it needs a permission it was not given. Link again and grant it.',
    scopeMissingNamed:
      'Your Instagram link does not allow this: it needs the "{{scope}}" permission. Link again and grant it.',
    tokenBroken:
      'Your Instagram link no longer works (access was revoked or has expired). Link your account again to continue.',
    notFound: 'Instagram could not find that. It may have been deleted, or it is not visible to this app.',
    notAllowed: 'Instagram does not allow that: the account may be private, or the tag may be blocked.',
    commentRejected: 'Instagram rejected the comment: {{reason}}',
    invalidInput: 'Instagram rejected that request as invalid. Check the options you gave and try again.',
    unavailable: 'Instagram is not answering properly right now. Try again in a few minutes.',
    missingPermissions:
      'I am missing a permission for that in this channel. Ask a server admin to check my role and the channel settings.',
    internal:
      "Something went wrong on our side. If it keeps happening, give the bot's admin this incident id: `{{incidentId}}`.",
  },
  pages: {
    post: '{{heading}} · post {{n}}',
    postOf: '{{heading}} · post {{n}} of {{total}}',
  },
  help: {
    title: 'igcord commands',
    intro: 'Type `/` and a command’s name to use it. `<option>` is required, `[option]` is optional.',
    admins: ' (server admins)',
    continued: '{{heading}} (continued)',
    unavailableHeading: 'Not available with this Instagram API',
  },
};
