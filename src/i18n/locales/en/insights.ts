// English: /insights's replies (commands/insights), with the names of the metrics Instagram reports.
export const insights = {
  invalidPost: '`post` must be a post id: the digits igcord shows.',
  accountHeading: 'Insights of @{{username}} over the last day:',
  postHeading: 'Insights of post `{{postId}}`:',
  none: 'Instagram reported no figures yet (they can be up to 48 hours late).',
  notReported: 'not reported',
  metrics: {
    reach: 'reach',
    views: 'views',
    accountsEngaged: 'accounts engaged',
    totalInteractions: 'total interactions',
    likes: 'likes',
    comments: 'comments',
    saved: 'saved',
    shares: 'shares',
  },
};
