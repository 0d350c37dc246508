// Spanish: /comments's replies, the comments feed's buttons' answers and, under `feed`, its message (see
// en/comments.ts). Option and command names are the Spanish ones the client shows (es/definitions.ts).
import type { comments as en } from '../en/comments.js';
import type { Translation } from '../translation.js';

export const comments: Translation<typeof en> = {
  invalidPost: '`publicacion` debe ser un id: los dígitos que muestra igcord.',
  invalidComment: '`comentario` debe ser un id: los dígitos que muestra igcord.',
  none: 'Esa publicación aún no tiene comentarios.',
  heading: 'Comentarios en la publicación `{{postId}}`:',
  someone: 'alguien',
  more: '…y más.',
  replied: 'Respondiste al comentario `{{commentId}}` (tu respuesta es `{{replyId}}`).',
  hidden: 'El comentario `{{commentId}}` está oculto.',
  shown: 'El comentario `{{commentId}}` vuelve a estar visible.',
  deleted: 'El comentario `{{commentId}}` está borrado.',
  notOwner:
    'Solo la persona dueña de {{account}} puede ocultar o responder sus comentarios, con su propio vínculo de Instagram.',
  thisAccount: 'esta cuenta de Instagram',
  replyNeedsText: 'Una respuesta necesita algo de texto.',
  repliedOnInstagram: 'Respondido en Instagram (respuesta `{{replyId}}`).',
  modalTitle: 'Responder en Instagram',
  modalLabel: 'Tu respuesta',
  feed: {
    commented: '{{author}} comentó',
    someone: 'Alguien',
    title: 'En la publicación de @{{owner}}',
    replyOnPost: 'Respuesta en la publicación',
    thePost: 'La publicación',
    noCaption: '(sin texto)',
    footer: 'Instagram · Comentario',
    footerHidden: 'Instagram · Comentario · oculto',
    hide: 'Ocultar',
    unhide: 'Mostrar',
    reply: 'Responder',
  },
};
