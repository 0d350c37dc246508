// English: the labels of Instagram posts and profiles drawn as embeds (src/discord/embeds), in command replies and
// feed posts alike. Instagram's own content (captions, names, places) is never translated.
export const embeds = {
  kind: { image: 'Photo', video: 'Video', carousel: 'Carousel', reel: 'Reel', story: 'Story' },
  title: '{{kind}} by @{{username}}',
  titleNoAuthor: '{{kind}} on Instagram',
  playVideo: '▶ Play video',
  playVideoOf: '▶ Play video {{n}}/{{total}}',
  video: 'Video',
  openPost: 'Open post',
  unnamedPlace: 'Unnamed place',
  location: '📍 Location',
  people: 'In this photo',
  tags: 'Tags',
  likes: '❤️ Likes',
  comments: '💬 Comments',
  items: '{{count}} items',
  posts: 'Posts',
  followers: 'Followers',
  following: 'Following',
  website: 'Website',
  businessAccount: 'Instagram · business account',
  story: '⏳ Story',
  storyExpires: 'Expires {{when}}',
};

/** Feed posts: the line above a post's embeds, and a test post's mark (src/discord/feed-posting). */
export const feedPost = {
  newPost: 'New post by {{author}}: {{link}}',
  testMark: '🧪 Test post for feed',
  test: '{{mark}} `{{feedId}}`: this is how new posts from this source will look.',
  forumTest: '🧪 Test: {{name}}',
  forumPostBy: 'Post by {{author}}',
  digestTitle: 'Instagram digest ({{count}})',
  digestPart: '{{title}} · part {{part}} of {{parts}}',
};
