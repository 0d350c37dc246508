// Spanish: /media's replies (see en/media.ts); plural keys carry every form Spanish has.
import type { media as en } from '../en/media.js';
import type { Translation } from '../translation.js';

export const media: Translation<typeof en> = {
  noneNear: 'No se encontraron posts a menos de {{distance}} m de {{where}}.',
  near: 'Posts a menos de {{distance}} m de {{where}}: {{n}} de {{total}}',
  away: ' · a {{meters}} m',
  noLiked: 'No te ha gustado ningún post que Instagram liste.',
  likedHeading: 'Posts que te gustaron',
  likedEnd_one: 'Eso es todo: te gustó {{count}} post que Instagram lista.',
  likedEnd_many: 'Eso es todo: te gustaron {{count}} de posts que Instagram lista.',
  likedEnd_other: 'Eso es todo: te gustaron {{count}} posts que Instagram lista.',
  noComments: 'Aún no hay comentarios en {{post}}.',
  noLikes: 'A nadie le ha gustado {{post}} todavía.',
  commented: '💬 Tu comentario en {{post}} está publicado:',
  undo: 'Para borrarlo: {{command}}',
  uncommented: '🗑️ El comentario `{{commentId}}` en {{post}} está borrado.',
  likesNow_one: ' ({{count}} me gusta ahora)',
  likesNow_many: ' ({{count}} de me gusta ahora)',
  likesNow_other: ' ({{count}} me gusta ahora)',
  liked: '❤️ Te gusta {{post}}{{likes}}.',
  unliked: 'Ya no te gusta {{post}}{{likes}}.',
  commentsOn: 'Comentarios en {{post}}',
  likesOn: 'Me gusta en {{post}}',
  commentsFooter: 'Comentarios {{from}}–{{to}} de {{total}}',
  likersFooter: 'Personas {{from}}–{{to}} de {{total}} listadas',
  likersFooterLikes: 'Personas {{from}}–{{to}} de {{total}} listadas · {{likes}} me gusta',
  emptyComment: '(vacío)',
};
