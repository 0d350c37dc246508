// Brazilian Portuguese: the post lists of /user, /account, /tag, /hashtag and /location (see en/browse.ts).
import type { browse as en } from '../en/browse.js';
import type { Translation } from '../translation.js';

export const browse: Translation<typeof en> = {
  noPosts: '**{{account}}** não tem posts para mostrar.',
  noPostsPlain: '{{account}} não tem posts para mostrar.',
  recentOf: 'Posts recentes de **{{account}}**',
  lastOf: 'Esse foi o último post de {{account}}.',
  lastOfShown: 'Esse foi o último post de {{account}} que o igcord pode mostrar.',
  typeToSearch: 'Digite parte de um nome de usuário ou de um nome para buscar.',
  accountsMatching: 'Contas do Instagram que correspondem a “{{query}}”',
  noAccountMatches: 'Nenhuma conta do Instagram corresponde a “{{query}}”.',
  noTagged: 'Nenhum post recente com a tag **{{tag}}** que você possa ver.',
  recentTagged: 'Posts recentes com a tag **{{tag}}**',
  noTagStarts: 'Nenhuma hashtag começa com **{{query}}**.',
  hashtagId: '**{{tag}}** é a hashtag `{{id}}` no Instagram.',
  noTaggedDay: 'Nenhum post público com **{{tag}}** nas últimas 24 horas.',
  noTaggedDayPlain: 'Nenhum post público com {{tag}} nas últimas 24 horas.',
  taggedDay: 'Posts com **{{tag}}** nas últimas 24 horas',
  lastTaggedDay: 'Esse foi o último post com {{tag}} das últimas 24 horas.',
  noPostsAt: 'Nenhum post recente em **{{place}}** que você possa ver.',
  recentAt: 'Posts recentes em **{{place}}**',
  people_one: 'Instagram · {{from}}–{{to}} de {{count}} pessoa',
  people_many: 'Instagram · {{from}}–{{to}} de {{count}} de pessoas',
  people_other: 'Instagram · {{from}}–{{to}} de {{count}} pessoas',
};
