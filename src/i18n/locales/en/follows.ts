// English: /follows's replies (commands/follows): the three lists, a relationship in words ({{user}} is the other
// account's bold, escaped @name, never translated), and the outcome of each follow action.
export const follows = {
  lists: {
    following: { title: 'Accounts you follow', empty: 'You do not follow anyone yet.' },
    followers: { title: 'Your followers', empty: 'Nobody follows you yet.' },
    requests: { title: 'Pending follow requests', empty: 'Nobody is waiting for your approval.' },
  },
  more_one: 'Instagram has more than the {{count}} shown here.',
  more_other: 'Instagram has more than the {{count}} shown here.',
  noRequest: '{{user}} has not asked to follow you (or the request was already answered). See `/follows requests`.',
  ownAccount: 'That is your own Instagram account.',
  relationship: {
    follows: 'You follow {{user}}.',
    requested: 'You asked to follow {{user}}; the request is pending.',
    none: 'You do not follow {{user}}.',
    followedBy: '{{user}} follows you.',
    requestedBy: '{{user}} asked to follow you: answer with `/follows approve` or `/follows ignore`.',
    notFollowedBy: '{{user}} does not follow you.',
    private: "{{user}}'s account is private.",
  },
  action: {
    requestSent: '{{user}} is private: your follow request was sent and waits for their approval.',
    followed: 'You now follow {{user}}.',
    notRecorded: 'Instagram did not record a follow of {{user}}.',
    withdrawn: 'Request withdrawn: you no longer ask to follow {{user}}.',
    notFollowing: 'You were not following {{user}}; nothing changed.',
    unfollowed: 'You no longer follow {{user}}.',
    approved: "You approved {{user}}'s request: they now follow you.",
    ignored: "You ignored {{user}}'s request to follow you.",
  },
};
