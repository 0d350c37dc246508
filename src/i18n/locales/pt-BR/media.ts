// Brazilian Portuguese: /media's replies (see en/media.ts); plural keys carry every form Portuguese has.
import type { media as en } from '../en/media.js';
import type { Translation } from '../translation.js';

export const media: Translation<typeof en> = {
  noneNear: 'Nenhum post encontrado a menos de {{distance}} m de {{where}}.',
  near: 'Posts a menos de {{distance}} m de {{where}}: {{n}} de {{total}}',
  away: ' · a {{meters}} m',
  noLiked: 'Você não curtiu nenhum post que o Instagram liste.',
  likedHeading: 'Posts que você curtiu',
  likedEnd_one: 'É tudo: você curtiu {{count}} post que o Instagram lista.',
  likedEnd_many: 'É tudo: você curtiu {{count}} de posts que o Instagram lista.',
  likedEnd_other: 'É tudo: você curtiu {{count}} posts que o Instagram lista.',
  noComments: 'Ainda não há comentários em {{post}}.',
  noLikes: 'Ninguém curtiu {{post}} ainda.',
  commented: '💬 Seu comentário em {{post}} foi publicado:',
  undo: 'Para apagá-lo: {{command}}',
  uncommented: '🗑️ O comentário `{{commentId}}` em {{post}} foi apagado.',
  likesNow_one: ' ({{count}} curtida agora)',
  likesNow_many: ' ({{count}} de curtidas agora)',
  likesNow_other: ' ({{count}} curtidas agora)',
  liked: '❤️ Você curtiu {{post}}{{likes}}.',
  unliked: 'Você não curte mais {{post}}{{likes}}.',
  commentsOn: 'Comentários em {{post}}',
  likesOn: 'Curtidas em {{post}}',
  commentsFooter: 'Comentários {{from}}–{{to}} de {{total}}',
  likersFooter: 'Pessoas {{from}}–{{to}} de {{total}} listadas',
  likersFooterLikes: 'Pessoas {{from}}–{{to}} de {{total}} listadas · {{likes}} curtidas',
  emptyComment: '(vazio)',
};
