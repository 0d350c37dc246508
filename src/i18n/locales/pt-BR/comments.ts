// Brazilian Portuguese: /comments's replies, the comments feed's buttons' answers and, under `feed`, its message
// (see en/comments.ts). Option and command names are the Portuguese ones the client shows (pt-BR/definitions.ts).
import type { comments as en } from '../en/comments.js';
import type { Translation } from '../translation.js';

export const comments: Translation<typeof en> = {
  invalidPost: '`publicacao` deve ser um id: os dígitos que o igcord mostra.',
  invalidComment: '`comentario` deve ser um id: os dígitos que o igcord mostra.',
  none: 'Ainda não há comentários nessa publicação.',
  heading: 'Comentários na publicação `{{postId}}`:',
  someone: 'alguém',
  more: '…e mais.',
  replied: 'Você respondeu ao comentário `{{commentId}}` (sua resposta é `{{replyId}}`).',
  hidden: 'O comentário `{{commentId}}` está oculto.',
  shown: 'O comentário `{{commentId}}` voltou a ficar visível.',
  deleted: 'O comentário `{{commentId}}` foi apagado.',
  notOwner:
    'Só a pessoa dona de {{account}} pode ocultar ou responder aos comentários dela, com o próprio vínculo do Instagram.',
  thisAccount: 'esta conta do Instagram',
  replyNeedsText: 'Uma resposta precisa de algum texto.',
  repliedOnInstagram: 'Resposta publicada no Instagram (resposta `{{replyId}}`).',
  modalTitle: 'Responder no Instagram',
  modalLabel: 'Sua resposta',
  feed: {
    commented: '{{author}} comentou',
    someone: 'Alguém',
    title: 'Na publicação de @{{owner}}',
    replyOnPost: 'Resposta na publicação',
    thePost: 'A publicação',
    noCaption: '(sem legenda)',
    footer: 'Instagram · Comentário',
    footerHidden: 'Instagram · Comentário · oculto',
    hide: 'Ocultar',
    unhide: 'Mostrar',
    reply: 'Responder',
  },
};
