// Spanish: the post lists of /user, /account, /tag, /hashtag and /location (see en/browse.ts).
import type { browse as en } from '../en/browse.js';
import type { Translation } from '../translation.js';

export const browse: Translation<typeof en> = {
  noPosts: '**{{account}}** no tiene posts que mostrar.',
  noPostsPlain: '{{account}} no tiene posts que mostrar.',
  recentOf: 'Posts recientes de **{{account}}**',
  lastOf: 'Ese era el último post de {{account}}.',
  lastOfShown: 'Ese era el último post de {{account}} que igcord puede mostrar.',
  typeToSearch: 'Escribe parte de un nombre de usuario o de un nombre para buscar.',
  accountsMatching: 'Cuentas de Instagram que coinciden con “{{query}}”',
  noAccountMatches: 'Ninguna cuenta de Instagram coincide con “{{query}}”.',
  noTagged: 'No hay posts recientes con la etiqueta **{{tag}}** que puedas ver.',
  recentTagged: 'Posts recientes con la etiqueta **{{tag}}**',
  noTagStarts: 'Ningún hashtag empieza por **{{query}}**.',
  hashtagId: '**{{tag}}** es el hashtag `{{id}}` en Instagram.',
  noTaggedDay: 'No hay posts públicos con **{{tag}}** en las últimas 24 horas.',
  noTaggedDayPlain: 'No hay posts públicos con {{tag}} en las últimas 24 horas.',
  taggedDay: 'Posts con **{{tag}}** en las últimas 24 horas',
  lastTaggedDay: 'Ese era el último post con {{tag}} de las últimas 24 horas.',
  noPostsAt: 'No hay posts recientes en **{{place}}** que puedas ver.',
  recentAt: 'Posts recientes en **{{place}}**',
  people_one: 'Instagram · {{from}}–{{to}} de {{count}} persona',
  people_many: 'Instagram · {{from}}–{{to}} de {{count}} de personas',
  people_other: 'Instagram · {{from}}–{{to}} de {{count}} personas',
};
