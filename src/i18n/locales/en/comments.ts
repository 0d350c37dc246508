// English: /comments's replies (commands/comments), the answers of a comments feed's Hide / Reply buttons and
// its reply modal (in the presser's language), and the comments feed's message itself under `feed` (in the
// server's preferred language: src/discord/feed-posting/comment-message.ts).
export const comments = {
  invalidPost: '`post` must be an id: the digits igcord shows.',
  invalidComment: '`comment` must be an id: the digits igcord shows.',
  none: 'No comments on that post yet.',
  heading: 'Comments on post `{{postId}}`:',
  someone: 'someone',
  more: '…and more.',
  replied: 'Replied to comment `{{commentId}}` (your reply is `{{replyId}}`).',
  hidden: 'Comment `{{commentId}}` is hidden.',
  shown: 'Comment `{{commentId}}` is shown again.',
  deleted: 'Comment `{{commentId}}` is deleted.',
  notOwner: 'Only the owner of {{account}} can hide or reply to its comments, with their own Instagram link.',
  thisAccount: 'this Instagram account',
  replyNeedsText: 'A reply needs some text.',
  repliedOnInstagram: 'Replied on Instagram (reply `{{replyId}}`).',
  modalTitle: 'Reply on Instagram',
  modalLabel: 'Your reply',
  feed: {
    commented: '{{author}} commented',
    someone: 'Someone',
    title: "On @{{owner}}'s post",
    replyOnPost: 'Reply on the post',
    thePost: 'The post',
    noCaption: '(no caption)',
    footer: 'Instagram · Comment',
    footerHidden: 'Instagram · Comment · hidden',
    hide: 'Hide',
    unhide: 'Unhide',
    reply: 'Reply',
  },
};
