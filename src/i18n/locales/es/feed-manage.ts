// Spanish: what /feed says while feeds are added, edited, moved, paid for and checked (see en/feed-manage.ts).
// Permission names are Discord's own, as its Spanish settings show them.
import type { feedManage as en } from '../en/feed-manage.js';
import type { Translation } from '../translation.js';

export const feedManage: Translation<typeof en> = {
  consent: {
    ask: 'Este feed lee los posts de {{account}} con tu vínculo de Instagram y tu presupuesto: confírmalo. Los nuevos posts de {{account}} aparecerán en {{channel}}; buscarlos gasta tu presupuesto de Instagram, y `/feed list` te muestra como quien paga el feed, junto con cuándo lo confirmaste.',
    confirmButton: 'Confirmar',
    cancelled: 'Cancelado: no se agregó nada.',
    adding: 'Agregando el feed…',
    needsPublicContent:
      'Un feed de {{account}} lee los posts de esa cuenta con tu vínculo de Instagram, y no se le concedió el permiso "{{scope}}". Vuelve a vincular y concédelo. No se creó nada.',
    roleGone: 'El rol {{role}} ya no existe. Vuelve a ejecutar el comando. No se creó nada.',
    accountGone:
      'Instagram ya no encuentra la cuenta que confirmaste: puede que se haya eliminado o cambiado de nombre. No se creó nada.',
    added:
      'Feed `{{id}}` agregado: los nuevos posts de {{account}} aparecerán en {{channel}}, leídos con tu vínculo de Instagram y tu presupuesto. Empieza desde el post más reciente; `/feed test feed:{{id}}` publica ese para comprobarlo.{{mention}}',
  },
  channel: {
    webhookPlace:
      '{{channel}} es un foro o un hilo: los feeds publican ahí como el bot. No indiques `delivery` (o elige mensaje del bot). No se cambió nada.',
    guildUnavailable: 'Ahora mismo no puedo ver este servidor. Inténtalo de nuevo en un minuto.',
    gone: 'El canal {{channel}} ya no existe, o no puedo verlo.',
    wrongKind: '{{channel}} no es un canal de texto, de anuncios ni un foro, ni un hilo; los feeds publican en esos.',
    missingPermissions_one:
      'No puedo publicar este feed en {{channel}}: me falta {{permissions}} ahí. Da ese permiso a mi rol en ese canal (o en el servidor) y vuelve a ejecutar el comando. No se creó nada.',
    missingPermissions_many:
      'No puedo publicar este feed en {{channel}}: me faltan {{permissions}} ahí. Da esos permisos a mi rol en ese canal (o en el servidor) y vuelve a ejecutar el comando. No se creó nada.',
    missingPermissions_other:
      'No puedo publicar este feed en {{channel}}: me faltan {{permissions}} ahí. Da esos permisos a mi rol en ese canal (o en el servidor) y vuelve a ejecutar el comando. No se creó nada.',
    noAccess:
      'Discord dice que no tengo acceso a {{channel}} (Missing Access). Da a mi rol **{{viewChannel}}** ahí y vuelve a ejecutar el comando. No se creó nada.',
    lookupFailed:
      'Discord no respondió bien cuando busqué {{channel}}. Inténtalo de nuevo en un minuto. No se creó nada.',
    permission: {
      viewChannel: 'Ver canal',
      sendMessages: 'Enviar mensajes',
      embedLinks: 'Insertar enlaces',
      readMessageHistory: 'Leer el historial de mensajes',
      manageWebhooks: 'Gestionar webhooks',
      sendMessagesInThreads: 'Enviar mensajes en hilos',
      manageThreads: 'Gestionar hilos',
      other: 'permiso {{bit}}',
    },
  },
  edit: {
    nothing:
      'Nada que cambiar: da al feed `{{id}}` un nuevo `channel`, `mention`, `delivery`, `digest` u `on-change`, o `clear-mention`.',
    conflict: 'Da un rol a `mention`, o `clear-mention`, no ambos. No se cambió nada.',
    noEveryone: 'Un feed no puede mencionar a @everyone. Elige un rol, o quita la mención. No se cambió nada.',
    removedMeanwhile: 'El feed `{{id}}` se eliminó mientras tanto; no se cambió nada.',
    duplicate: '{{channel}} ya sigue esta fuente: feed `{{id}}`. No se cambió nada.',
    edited:
      'El feed `{{id}}` ahora publica en {{channel}} como {{mode}}, {{mentioning}}. Cuando un post se edita o se elimina en Instagram en menos de 24 h: `{{onChange}}` ({{onChangeMeaning}}).',
    kept: ' Se conservan quien lo paga, su estado y los posts entregados: nada de lo ya publicado se vuelve a publicar.',
    asForumThreads: 'un hilo nuevo por publicación',
    asWebhook: 'posts de un webhook del canal',
    asBot: 'mensajes del bot',
    mentioning: 'mencionando a {{role}}',
    mentioningNobody: 'sin mencionar a nadie',
    onChange: {
      edit: 'su mensaje se edita para reflejar el cambio',
      mark: 'su mensaje se marca como editado o eliminado',
      leave: 'su mensaje se deja tal como se publicó',
    },
  },
  hashtagSlots: {
    fullUntil:
      'Tu cuenta de Instagram ya usó sus {{limit}} hashtags de esta semana (Instagram cuenta cada hashtag nuevo durante 7 días), así que aún no se puede seguir {{tag}}: se libera un espacio el {{date}} ({{relative}}). No se creó nada.',
    fullWithinWeek:
      'Tu cuenta de Instagram ya usó sus {{limit}} hashtags de esta semana (Instagram cuenta cada hashtag nuevo durante 7 días), así que aún no se puede seguir {{tag}}: se libera un espacio a los 7 días del más antiguo. No se creó nada.',
  },
  mentionRole: {
    notMentionable:
      '{{role}} no es mencionable, y te falta **Mencionar @everyone, @here y todos los roles**, así que un feed que configures no puede avisarle. Haz el rol mencionable en los ajustes del servidor, elige otro rol, o no pongas mención. No se creó nada.',
  },
  move: {
    gone: 'Ese feed ya no existe.',
    payerOnly: 'El feed `{{id}}` lo paga {{payer}}: solo esa persona puede moverlo a su nueva cuenta.',
    linkBroken: 'Tu vínculo de Instagram no funciona ahora: ejecuta /instagram link y luego mueve el feed.',
    already: 'El feed `{{id}}` ya usa **{{account}}**.',
    moved:
      'El feed `{{id}}` ({{channel}}) se movió a **{{account}}**: desde ahora lo lee y lo paga el vínculo de esa cuenta.',
  },
  payer: {
    // One sentence per action: the verb and its object read differently in each language.
    only: {
      resume:
        'El feed `{{id}}` lee Instagram con el vínculo de {{payer}}, que lo paga: solo esa persona puede reanudarlo, porque gasta su presupuesto de Instagram. Puedes pausarlo o eliminarlo, y volver a agregarlo con tu propio vínculo.',
      test: 'El feed `{{id}}` lee Instagram con el vínculo de {{payer}}, que lo paga: solo esa persona puede probarlo, porque gasta su presupuesto de Instagram. Puedes pausarlo o eliminarlo, y volver a agregarlo con tu propio vínculo.',
      backfill:
        'El feed `{{id}}` lee Instagram con el vínculo de {{payer}}, que lo paga: solo esa persona puede recuperar sus posts, porque gasta su presupuesto de Instagram. Puedes pausarlo o eliminarlo, y volver a agregarlo con tu propio vínculo.',
    },
  },
  resumable: {
    linkGone:
      'El feed `{{id}}` lee Instagram con el vínculo de {{owner}}, que ya no existe. Esa persona tiene que volver a vincular esa cuenta antes de que el feed pueda reanudarse.',
    linkBroken:
      'El feed `{{id}}` lee Instagram con el vínculo de {{owner}}, que ya no funciona. Esa persona tiene que volver a vincular esa cuenta antes de que el feed pueda reanudarse.',
    linkElsewhere:
      'El feed `{{id}}` lee Instagram con el vínculo de {{owner}}, que ahora apunta a otra cuenta de Instagram. Esa persona tiene que volver a vincular esa cuenta antes de que el feed pueda reanudarse.',
  },
  autocomplete: {
    feed: '{{id}} · {{source}} → #{{channel}} ({{state}})',
    state: { active: 'activo', paused: 'pausado', disabled: 'desactivado' },
  },
};
