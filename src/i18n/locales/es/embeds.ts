// Spanish: the labels of posts and profiles drawn as embeds (see en/embeds.ts).
import type { embeds as en, feedPost as enFeedPost } from '../en/embeds.js';

export const embeds: typeof en = {
  kind: { image: 'Foto', video: 'Vídeo', carousel: 'Carrusel', reel: 'Reel', story: 'Historia' },
  title: '{{kind}} de @{{username}}',
  titleNoAuthor: '{{kind}} en Instagram',
  playVideo: '▶ Reproducir vídeo',
  playVideoOf: '▶ Reproducir vídeo {{n}}/{{total}}',
  video: 'Vídeo',
  openPost: 'Abrir post',
  unnamedPlace: 'Lugar sin nombre',
  location: '📍 Lugar',
  people: 'En esta foto',
  tags: 'Etiquetas',
  likes: '❤️ Me gusta',
  comments: '💬 Comentarios',
  items: '{{count}} elementos',
  posts: 'Publicaciones',
  followers: 'Seguidores',
  following: 'Seguidos',
  website: 'Sitio web',
  businessAccount: 'Instagram · cuenta de empresa',
  story: '⏳ Historia',
  storyExpires: 'Caduca {{when}}',
};

/** Feed posts: the line above a post's embeds, and a test post's mark (src/discord/feed-posting). */
export const feedPost: typeof enFeedPost = {
  newPost: 'Nuevo post de {{author}}: {{link}}',
  testMark: '🧪 Post de prueba del feed',
  test: '{{mark}} `{{feedId}}`: así se verán los nuevos posts de esta fuente.',
  forumTest: '🧪 Prueba: {{name}}',
  forumPostBy: 'Post de {{author}}',
  digestTitle: 'Resumen de Instagram ({{count}})',
  digestPart: '{{title}} · parte {{part}} de {{parts}}',
};
