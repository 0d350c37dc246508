// Spanish: what igcord says on its own about feeds and links (see en/notices.ts).
import type { notices as en } from '../en/notices.js';
import type { Translation } from '../translation.js';

export const notices: Translation<typeof en> = {
  feed: {
    paused: '⏸ El feed de Instagram `{{id}}` en <#{{channel}}> está en pausa: {{reason}}',
    disabled: '⚠️ El feed de Instagram `{{id}}` en <#{{channel}}> se desactivó: {{reason}}',
  },
  paused: {
    byPerson: 'por {{who}} {{when}}',
    byAdmin: 'por un administrador {{when}}',
    ownerUnlinked:
      'la persona dueña desvinculó su cuenta de Instagram; se reanuda cuando vuelva a vincular esa cuenta.',
    linkedElsewhere:
      '{{account}} ya no está vinculada. Se reanuda cuando la persona dueña vuelva a vincular esa cuenta, o cuando lo pase a la cuenta que vincula ahora (el botón de su respuesta de vinculación).',
    linkedElsewhereWords:
      '{{detail}}. Se reanuda cuando la persona dueña vuelva a vincular esa cuenta, o cuando lo pase a la cuenta que vincula ahora (el botón de su respuesta de vinculación).',
    linkBroken:
      'el vínculo de Instagram de la persona dueña dejó de funcionar. Tiene que ejecutar /instagram link de nuevo con la misma cuenta y el feed se reanuda solo.',
    linkBrokenToken:
      'el vínculo de Instagram de la persona dueña dejó de funcionar (token revocado o vencido). Tiene que ejecutar /instagram link de nuevo con la misma cuenta y el feed se reanuda solo.',
    linkBrokenUnreadable:
      'el vínculo de Instagram de la persona dueña dejó de funcionar (no se puede leer el token guardado). Tiene que ejecutar /instagram link de nuevo con la misma cuenta y el feed se reanuda solo.',
    linkBrokenWords:
      'el vínculo de Instagram de la persona dueña dejó de funcionar ({{detail}}). Tiene que ejecutar /instagram link de nuevo con la misma cuenta y el feed se reanuda solo.',
    budget: 'se agotó el presupuesto de Instagram de la persona dueña; se reanuda solo.',
    budgetWords: 'se agotó el presupuesto de Instagram de la persona dueña ({{detail}}); se reanuda solo.',
    payerLeft:
      '{{member}} salió del servidor, y su vínculo de Instagram es el que lo paga. Puede reanudarlo cuando vuelva a gestionar el servidor; o un administrador lo elimina (`/feed remove`) y lo agrega con su propio vínculo.',
    payerNotManager:
      '{{member}} ya no tiene el permiso Gestionar servidor, y su vínculo de Instagram es el que lo paga. Puede reanudarlo cuando vuelva a gestionar el servidor; o un administrador lo elimina (`/feed remove`) y lo agrega con su propio vínculo.',
    payerWords:
      '{{detail}}, y su vínculo de Instagram es el que lo paga. Puede reanudarlo cuando vuelva a gestionar el servidor; o un administrador lo elimina (`/feed remove`) y lo agrega con su propio vínculo.',
    payerUnknown:
      'el miembro que lo paga ya no puede hacerlo, y su vínculo de Instagram es el que lo paga. Puede reanudarlo cuando vuelva a gestionar el servidor; o un administrador lo elimina (`/feed remove`) y lo agrega con su propio vínculo.',
    scope:
      'el feed necesita el permiso `{{scope}}`: la persona dueña ejecuta /instagram link scopes:{{scope}} con la misma cuenta y el feed se reanuda solo.',
    noPayer:
      '{{member}} dejó de pagarlo con su vínculo de Instagram. Puede reanudarlo (`/feed resume`); o un administrador lo elimina (`/feed remove`) y lo agrega con su propio vínculo.',
  },
  disabled: {
    discordError: 'Error de Discord {{code}}: {{why}}',
    missingAccess:
      'igcord perdió el acceso al canal (Missing Access): dale al bot el permiso Ver canal ahí y luego reanuda el feed',
    missingPermissions:
      'igcord no tiene permiso para publicar en el canal (necesita Enviar mensajes e Insertar enlaces): corrígelo y luego reanuda el feed',
    channelDeleted: 'se eliminó el canal: elimina este feed o muévelo a otro canal',
    webhookDeleted: 'se eliminó el webhook del feed: vuelve a configurar el feed',
    webhookInvalid: 'el token del webhook del feed ya no es válido: vuelve a configurar el feed',
    forumTagRequired:
      'el foro exige una etiqueta en cada publicación y ninguno de los hashtags de este post nombra una de sus etiquetas: agrega una etiqueta del foro con el nombre de un hashtag que use la fuente, o desactiva Requerir etiquetas, y luego reanuda el feed',
    threadLocked:
      'el hilo está bloqueado e igcord no puede publicar en él (necesita Gestionar hilos): desbloquea el hilo, o dale a igcord Gestionar hilos ahí, y luego reanuda el feed',
    threadArchivedLocked:
      'el hilo está archivado y bloqueado, e igcord no puede reabrirlo (necesita Gestionar hilos): desbloquea o reabre el hilo, o dale a igcord Gestionar hilos ahí, y luego reanuda el feed',
    webhookKeyGone:
      'no se puede descifrar el token guardado del webhook del feed (su clave de cifrado ya no está configurada): vuelve a configurar el feed',
    webhookDamaged:
      'no se puede descifrar el token guardado del webhook del feed (está dañado): vuelve a configurar el feed',
    webhookMissing: 'falta el token del webhook del feed: vuelve a configurar el feed',
    forumDigest: 'un feed de foro no puede publicar resúmenes: pon `digest:off` o muévelo a un canal',
    notOnProvider: 'la API de Instagram que igcord usa aquí no tiene {{what}}: elimina este feed',
    instagramRefused: 'Instagram rechaza esta fuente ({{detail}})',
    unknown: 'no se registró ningún motivo',
  },
  notAvailable: 'La API de Instagram que igcord usa aquí no tiene {{what}}.',
  capability: {
    likes: 'listas de me gusta ni forma de dar me gusta',
    relationships: 'listas de seguidores ni forma de seguir',
    comments: 'comentarios',
    'tag-feeds': 'feeds de hashtags (la búsqueda de hashtags necesita el inicio de sesión con Facebook)',
    'location-feeds': 'feeds de lugares',
    'account-feeds': 'feeds de canal de una cuenta',
    'story-feeds': 'feeds de historias',
    notifications: 'avisos de posts nuevos',
    search: 'búsqueda de personas, lugares ni posts cercanos',
    locations: 'lugares',
    tags: 'recuentos de hashtags ni búsqueda por nombre',
    'comment-moderation': 'forma de ocultar ni responder comentarios',
    mentions: 'lista de los posts en los que te etiquetaron',
    insights: 'estadísticas',
    'other-accounts': 'perfiles de otras cuentas (Business Discovery necesita el inicio de sesión con Facebook)',
    'hashtag-search': 'búsqueda de hashtags (necesita el inicio de sesión con Facebook)',
  },
  owner: {
    broken:
      'Tu vínculo de Instagram con **{{account}}** dejó de funcionar ({{why}}). {{feeds}} Pulsa **{{button}}** (o ejecuta `/instagram link`) con la misma cuenta y todo se reanuda.',
    expired: 'su token venció',
    refused: 'Instagram ya no acepta su token',
    noFeedPaused: 'Tus comandos lo necesitan.',
    feedsPaused_one: 'Un feed tuyo está en pausa; tus comandos también lo necesitan.',
    feedsPaused_many: '{{count}} feeds tuyos están en pausa; tus comandos también lo necesitan.',
    feedsPaused_other: '{{count}} feeds tuyos están en pausa; tus comandos también lo necesitan.',
    expiring_one:
      'igcord no pudo renovar el token de Instagram de **{{account}}**, y vence en {{count}} día ({{date}}). igcord lo sigue intentando; por si acaso, pulsa **{{button}}** (o ejecuta `/instagram link`).',
    expiring_many:
      'igcord no pudo renovar el token de Instagram de **{{account}}**, y vence en {{count}} días ({{date}}). igcord lo sigue intentando; por si acaso, pulsa **{{button}}** (o ejecuta `/instagram link`).',
    expiring_other:
      'igcord no pudo renovar el token de Instagram de **{{account}}**, y vence en {{count}} días ({{date}}). igcord lo sigue intentando; por si acaso, pulsa **{{button}}** (o ejecuta `/instagram link`).',
  },
};
