// Spanish: /feed's replies (see en/feed.ts).
import type { feed as en } from '../en/feed.js';
import type { Translation } from '../translation.js';

export const feed: Translation<typeof en> = {
  source: {
    tag: 'etiqueta {{tag}}',
    location: 'lugar {{id}}',
    accountPosts: 'los posts de {{account}}',
    accountId: 'los posts de la cuenta de Instagram {{id}}',
    accountStories: 'las historias de {{account}}',
    storiesId: 'las historias de la cuenta de Instagram {{id}}',
    accountComments: 'los comentarios en los posts de {{account}}',
    commentsId: 'los comentarios en los posts de la cuenta de Instagram {{id}}',
    accountMentions: 'las menciones de {{account}}',
    mentionsId: 'las menciones de la cuenta de Instagram {{id}}',
  },
  list: {
    title: 'Feeds en este servidor ({{count}})',
    footer: 'Elimina, pausa, reanuda, prueba o recupera un feed con /feed y su id.',
    field: 'Feed `{{id}}`',
    state: { active: '▶ activo', paused: '⏸ pausado', disabled: '⛔ desactivado' },
    noCheck: 'ninguna mientras no esté activo',
    notScheduled: 'no programada',
    paidBy: 'Lo paga {{payer}}',
    consented: ', que dio su consentimiento {{when}}',
    mentions: 'menciona a {{role}}',
    nobody: 'nadie',
    postsAsWebhook: 'publica con un webhook del canal',
    postsAsBot: 'publica como mensajes del bot',
    postsAsForum: 'publica un hilo por publicación',
    stateLine: 'Estado: {{state}}',
    lastDelivery: 'Última entrega {{when}} · próxima comprobación {{next}}',
    never: 'nunca',
    filters_one: 'Filtros: {{count}} regla (/feed filter list)',
    filters_many: 'Filtros: {{count}} reglas (/feed filter list)',
    filters_other: 'Filtros: {{count}} reglas (/feed filter list)',
    move: 'Mover a {{account}}: {{id}}',
    hashtagSlots:
      'Pausado: la cuenta de Instagram de quien lo paga ya usó sus 30 hashtags de esta semana (Instagram cuenta cada hashtag nuevo durante 7 días), así que no puede buscar esta etiqueta; un hueco se libera el {{date}} y el feed se reanuda solo entonces.',
  },
  remove: {
    removeButton: 'Eliminar',
    cancelButton: 'Cancelar',
    confirm:
      '¿Eliminar el feed `{{id}}` ({{source}} → {{channel}})? No se publicará nada más con él, y no se puede deshacer.',
    notFeedButton: 'Ese botón no pertenece a un comando de feed.',
    onlyInvoker: 'Solo {{user}} puede responder a esto.',
    cancelled: 'Cancelado; no se eliminó nada.',
    alreadyRemoved: 'El feed `{{id}}` ya estaba eliminado.',
    removed: 'El feed `{{id}}` ({{source}} → {{channel}}) está eliminado; no se publicará nada más con él.',
    webhookKept: ' No pude borrar su webhook del canal; puedes borrarlo en los ajustes del canal.',
  },
  admin: {
    guildOnly: 'Los feeds pertenecen a un canal de servidor: ejecuta este comando en un servidor.',
    notAllowed: 'Solo los miembros con el permiso Gestionar servidor pueden gestionar los feeds de este servidor.',
    notFound: 'No hay ningún feed `{{id}}` en este servidor. Ejecuta /feed list para ver sus feeds.',
  },
  manage: {
    alreadyPaused: 'El feed `{{id}}` ya está pausado ({{reason}}).',
    paused: 'El feed `{{id}}` está pausado: no se publica nada en {{channel}} hasta que lo reanudes.',
    alreadyActive: 'El feed `{{id}}` ya está activo.',
    waitsForSlot:
      'El feed `{{id}}` aún no se puede reanudar: la cuenta de Instagram de quien lo paga ya usó sus 30 hashtags de esta semana. Un hueco se libera el {{date}}; el feed se reanuda solo entonces, o puedes reanudarlo después.',
    resumed: 'El feed `{{id}}` vuelve a estar activo: los nuevos posts aparecen en {{channel}}.',
    none: 'Este servidor aún no tiene feeds. Agrega uno con `/feed add-account`, `/feed add-tag` o `/feed add-location`.',
  },
  posting: {
    tested: 'Publiqué el último medio del feed `{{id}}` en {{channel}}, marcado como prueba.',
    nothingToTest: 'El feed `{{id}}` no tiene nada que publicar: su fuente aún no tiene medios.',
    backfillCount: 'Una recuperación publica de 1 a {{max}} posts.',
    postButton: 'Publicar {{count}}',
    confirm_one:
      '¿Publicar ahora el último {{count}} post del feed `{{id}}` en {{channel}}? Los posts ya entregados no se vuelven a publicar.',
    confirm_many:
      '¿Publicar ahora los últimos {{count}} de posts del feed `{{id}}` en {{channel}}? Los posts ya entregados no se vuelven a publicar.',
    confirm_other:
      '¿Publicar ahora los últimos {{count}} posts del feed `{{id}}` en {{channel}}? Los posts ya entregados no se vuelven a publicar.',
    cancelled: 'Recuperación cancelada; no se publicó nada.',
    posting: 'Publicando hasta {{count}} posts del feed `{{id}}` en {{channel}}…',
    done_one: 'Recuperación del feed `{{id}}` terminada: {{count}} post enviado a {{channel}}.',
    done_many: 'Recuperación del feed `{{id}}` terminada: {{count}} de posts enviados a {{channel}}.',
    done_other: 'Recuperación del feed `{{id}}` terminada: {{count}} posts enviados a {{channel}}.',
  },
  catchUp: {
    postButton: 'Publicar los {{count}} perdidos',
    skipButton: 'Saltar a ahora',
    ask_one:
      'El feed `{{id}}` se perdió {{count}} post mientras estaba detenido. ¿Publicarlo en {{channel}} (el más antiguo primero), o saltar a ahora y publicar solo lo que venga?',
    ask_many:
      'El feed `{{id}}` se perdió {{count}} de posts mientras estaba detenido. ¿Publicarlos en {{channel}} (los más antiguos primero), o saltar a ahora y publicar solo lo que venga?',
    ask_other:
      'El feed `{{id}}` se perdió {{count}} posts mientras estaba detenido. ¿Publicarlos en {{channel}} (los más antiguos primero), o saltar a ahora y publicar solo lo que venga?',
    posting: 'Publicando lo que se perdió el feed `{{id}}`…',
    skipping: 'Saltando lo que se perdió el feed `{{id}}`…',
    posted_one: 'El feed `{{id}}` vuelve a estar activo: publiqué el {{count}} post perdido en {{channel}}.',
    posted_many: 'El feed `{{id}}` vuelve a estar activo: publiqué los {{count}} de posts perdidos en {{channel}}.',
    posted_other: 'El feed `{{id}}` vuelve a estar activo: publiqué los {{count}} posts perdidos en {{channel}}.',
    skipped_one: 'El feed `{{id}}` vuelve a estar activo: salté {{count}} post; los nuevos aparecen en {{channel}}.',
    skipped_many:
      'El feed `{{id}}` vuelve a estar activo: salté {{count}} de posts; los nuevos aparecen en {{channel}}.',
    skipped_other: 'El feed `{{id}}` vuelve a estar activo: salté {{count}} posts; los nuevos aparecen en {{channel}}.',
  },
  add: {
    pointNotPlace:
      'Un feed sigue un lugar, no un punto: elige un lugar de las sugerencias que se muestran para esas coordenadas, o da su id numérico de lugar.',
    noPlace: 'Indica un lugar: elige uno de las sugerencias, o da su id numérico de lugar.',
    noEveryone: 'Un feed no puede mencionar a @everyone. Elige un rol, o no pongas mención.',
    needsPublicContent:
      'Los feeds de etiquetas y lugares leen contenido público con tu vínculo de Instagram, y no se le concedió el permiso "{{scope}}". Vuelve a vincular y concédelo.',
    duplicate: '{{channel}} ya sigue esta fuente: feed `{{id}}`.',
    mentions: ' Cada post menciona a {{role}}.',
    namesOnly:
      ' Cada post nombra a {{role}}, pero ese rol no es mencionable y aquí me falta **Mencionar a todos**, así que no avisará a nadie.',
    placeSource: 'lugar {{name}} ({{id}})',
    asWebhook: 'posts de un webhook del canal',
    asBot: 'mensajes del bot',
    asForumThreads: 'un hilo nuevo por publicación, con las etiquetas del foro que nombran sus hashtags',
    added:
      'Feed `{{id}}` agregado: los nuevos posts ({{what}}) aparecerán en {{channel}} como {{mode}}.{{mention}} Empieza desde el post más reciente; `/feed test feed:{{id}}` publica ese para comprobarlo.',
  },
};
