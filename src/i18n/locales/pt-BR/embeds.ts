// Brazilian Portuguese: the labels of posts and profiles drawn as embeds (see en/embeds.ts).
import type { embeds as en, feedPost as enFeedPost } from '../en/embeds.js';

export const embeds: typeof en = {
  kind: { image: 'Foto', video: 'Vídeo', carousel: 'Carrossel', reel: 'Reel', story: 'Story' },
  title: '{{kind}} de @{{username}}',
  titleNoAuthor: '{{kind}} no Instagram',
  playVideo: '▶ Assistir vídeo',
  playVideoOf: '▶ Assistir vídeo {{n}}/{{total}}',
  video: 'Vídeo',
  openPost: 'Abrir post',
  unnamedPlace: 'Local sem nome',
  location: '📍 Local',
  people: 'Nesta foto',
  tags: 'Tags',
  likes: '❤️ Curtidas',
  comments: '💬 Comentários',
  items: '{{count}} itens',
  posts: 'Publicações',
  followers: 'Seguidores',
  following: 'Seguindo',
  website: 'Site',
  businessAccount: 'Instagram · conta comercial',
  story: '⏳ Story',
  storyExpires: 'Expira {{when}}',
};

/** Feed posts: the line above a post's embeds, and a test post's mark (src/discord/feed-posting). */
export const feedPost: typeof enFeedPost = {
  newPost: 'Novo post de {{author}}: {{link}}',
  testMark: '🧪 Post de teste do feed',
  test: '{{mark}} `{{feedId}}`: é assim que os novos posts desta fonte vão aparecer.',
  forumTest: '🧪 Teste: {{name}}',
  forumPostBy: 'Post de {{author}}',
  digestTitle: 'Resumo do Instagram ({{count}})',
  digestPart: '{{title}} · parte {{part}} de {{parts}}',
};
