// Spanish: the shared replies — refused options, pages, tags and places, pasting a token, unlinking, durations,
// what /help says a provider cannot do (see en/replies.ts).
import type { replies as en } from '../en/replies.js';
import type { Translation } from '../translation.js';

export const replies: Translation<typeof en> = {
  options: {
    refused: '`{{option}}` {{reason}}',
    notANumber: 'debe ser un número.',
    between: 'debe estar entre {{min}} y {{max}}.',
    wholeMetres: 'debe ser un número entero de metros.',
    distanceMin: 'debe estar entre 1 y {{max}} metros.',
    distanceMax: 'debe estar entre 1 y {{max}} metros (Instagram busca como mucho a {{max}} m de un punto).',
    tagEmpty: 'debe nombrar una etiqueta, como sunset.',
    tagTooLong: 'debe tener como mucho {{max}} caracteres.',
    tagWord:
      'debe ser una sola palabra de letras, dígitos, _ o emojis, sin espacios ni signos de puntuación (por ejemplo sunset o new_york).',
    locationForms:
      'Elige una ubicación de las sugerencias, o indica un id numérico de ubicación de Instagram, o coordenadas como `60.1699, 24.9384`.',
    locationId: '`{{option}}` debe ser el id numérico de ubicación de Instagram.',
  },
  scopes: {
    invalid: 'Esos permisos no son válidos. Elige entre: {{scopes}} (separados por espacios).',
  },
  post: {
    missing: 'Falta el post.',
    tooLong: 'Es demasiado largo para ser un enlace, un shortcode o un id de un post de Instagram.',
    notAPost: '"{{typed}}" no es un post de Instagram.',
    understood:
      'Indica el enlace de un post (https://www.instagram.com/p/…/), su shortcode (lo que va después de /p/) o un id de media como `1368346650868743235_1127977711`.',
  },
  pages: {
    previous: '◀ Anterior',
    next: 'Siguiente ▶',
    page: 'Página {{n}}',
    pageOf: 'Página {{n}} de {{count}}',
    empty: 'No hay nada que mostrar.',
    badButton: 'Ese botón no pasa ninguna página.',
    onlyOwner: 'Solo {{owner}} puede pasar estas páginas.',
    expired: 'Estas páginas han caducado. Vuelve a ejecutar el comando.',
    elsewhere:
      'Otro proceso de igcord todavía está cargando el resto de esta lista. Vuelve a ejecutar el comando para ver más.',
    placeEmpty: 'No hay posts recientes aquí que puedas ver.',
    placeEnd_one: 'Ese era el último post; hay {{count}} en total.',
    placeEnd_many: 'Ese era el último post; hay {{count}} en total.',
    placeEnd_other: 'Ese era el último post; hay {{count}} en total.',
  },
  places: {
    posts: 'Posts',
    tagFooter: 'Instagram · etiqueta',
    tagChoice_one: '#{{tag}} · {{posts}} post',
    tagChoice_many: '#{{tag}} · {{posts}} de posts',
    tagChoice_other: '#{{tag}} · {{posts}} posts',
    tagLine_one: '{{tag}} — {{posts}} post',
    tagLine_many: '{{tag}} — {{posts}} de posts',
    tagLine_other: '{{tag}} — {{posts}} posts',
    tagsMatching: 'Etiquetas que coinciden con #{{query}}',
    tagsFooter_one: 'Instagram · {{count}} etiqueta',
    tagsFooter_many: 'Instagram · {{count}} de etiquetas',
    tagsFooter_other: 'Instagram · {{count}} etiquetas',
    location: 'Ubicación {{id}}',
    locationLower: 'la ubicación {{id}}',
    unnamed: 'Lugar sin nombre',
    locationIdChoice: 'Id de ubicación {{id}}',
    locationId: 'Id de ubicación',
    coordinates: 'Coordenadas',
    address: 'Dirección',
    locationFooter: 'Instagram · ubicación',
    within: 'Lugares a menos de {{radius}} m de {{point}}',
    placesFooter_one: 'Instagram · {{count}} lugar',
    placesFooter_many: 'Instagram · {{count}} de lugares',
    placesFooter_other: 'Instagram · {{count}} lugares',
    nothingNear: 'Instagram no conoce ninguna ubicación a menos de {{radius}} m de {{point}}.',
    nothingNearTry:
      'Instagram no conoce ninguna ubicación a menos de {{radius}} m de {{point}}. Prueba `/location search` con una distancia mayor.',
    noNameSearch: 'Instagram no puede encontrar un lugar solo por su nombre.',
    noneNamedNear: 'No hay ningún lugar con ese nombre cerca de {{point}}, donde buscaste por última vez.',
    howToPick:
      'Escribe coordenadas como `60.1699, 24.9384` en `location` y elige un lugar de las sugerencias, o indica su id numérico de ubicación.',
  },
  duration: {
    hours_one: 'una hora',
    hours_many: '{{count}} de horas',
    hours_other: '{{count}} horas',
    minutes_one: '{{count}} minuto',
    minutes_many: '{{count}} de minutos',
    minutes_other: '{{count}} minutos',
    seconds_one: '{{count}} segundo',
    seconds_many: '{{count}} de segundos',
    seconds_other: '{{count}} segundos',
  },
  paste: {
    title: 'Pegar un token de acceso de Instagram',
    tokenLabel: 'Token de acceso',
    scopesLabel: 'Permisos concedidos a este token',
    malformed: 'Eso no parece un token de acceso de Instagram. No se vinculó nada.',
    limited:
      'Has pegado {{max}} tokens en un plazo de {{window}}. Podrás volver a pegar uno {{when}}. No se vinculó nada.',
    rejected: 'Instagram no aceptó ese token: no es válido, se revocó o caducó. No se vinculó nada.',
    budget:
      'igcord no puede comprobar tokens pegados ahora mismo: se comprobaron muchos en un plazo de {{window}}. Vuelve a intentarlo {{when}}, o pulsa **Autorizar en Instagram** en `/instagram link`, que sigue funcionando. No se vinculó nada.',
  },
  linked: {
    done: 'La cuenta de Instagram **{{account}}** quedó vinculada a tu cuenta de Discord.{{resumed}} Prueba `/instagram me`.',
    resumed_one: ' Se reanudó un feed pausado de esta cuenta.',
    resumed_many: ' Se reanudaron {{count}} de feeds pausados de esta cuenta.',
    resumed_other: ' Se reanudaron {{count}} feeds pausados de esta cuenta.',
    leftBehind_one:
      '⚠️ **{{old}} ya no está vinculada**, y un feed se configuró con ella. Seguirá pausado hasta que vuelvas a vincular {{old}} o lo muevas a {{account}}:',
    leftBehind_many:
      '⚠️ **{{old}} ya no está vinculada**, y {{count}} de feeds se configuraron con ella. Seguirán pausados hasta que vuelvas a vincular {{old}} o los muevas a {{account}}:',
    leftBehind_other:
      '⚠️ **{{old}} ya no está vinculada**, y {{count}} feeds se configuraron con ella. Seguirán pausados hasta que vuelvas a vincular {{old}} o los muevas a {{account}}:',
    feedLine: '• feed `{{id}}` en {{channel}}',
    moreFeeds: '…y {{count}} más (mira /feed list).',
    moveButton: 'Mover a {{account}}: {{id}}',
  },
  unlink: {
    nothingLinked: 'No tienes ninguna cuenta de Instagram vinculada, así que no hay nada que desvincular.',
    confirm: 'Desvincular',
    cancel: 'Cancelar',
    ask: '¿Desvincular la cuenta de Instagram **{{account}}**? igcord borra su token de acceso.',
    askFeeds_one:
      '¿Desvincular la cuenta de Instagram **{{account}}**? igcord borra su token de acceso, y el feed activo que paga se pausa hasta que la vuelvas a vincular.',
    askFeeds_many:
      '¿Desvincular la cuenta de Instagram **{{account}}**? igcord borra su token de acceso, y los {{count}} de feeds activos que paga se pausan hasta que la vuelvas a vincular.',
    askFeeds_other:
      '¿Desvincular la cuenta de Instagram **{{account}}**? igcord borra su token de acceso, y los {{count}} feeds activos que paga se pausan hasta que la vuelvas a vincular.',
    cancelled: 'Cancelado; tu cuenta de Instagram sigue vinculada.',
    done: 'Se desvinculó la cuenta de Instagram **{{account}}**. igcord borró su token de acceso.',
    noFeeds: 'No tienes feeds activos, así que no se ve afectado ningún canal.',
    paused_one: 'Un feed tuyo está ahora pausado, y se reanudará cuando vuelvas a vincular {{account}}:',
    paused_many:
      '{{count}} de feeds tuyos están ahora pausados, y se reanudarán cuando vuelvas a vincular {{account}}:',
    paused_other: '{{count}} feeds tuyos están ahora pausados, y se reanudarán cuando vuelvas a vincular {{account}}:',
    feedLine: '• {{source}} en {{channel}} (feed `{{id}}`)',
    more: '…y {{count}} más.',
    source: {
      account: 'posts de {{account}}',
      location: 'ubicación {{id}}',
      stories: 'historias de {{account}}',
      comments: 'comentarios en los posts de {{account}}',
      mentions: 'menciones de {{account}}',
    },
  },
  help: {
    line: '{{commands}} — {{api}} no tiene {{lack}}.',
    api: { v1: 'la API Platform v1 de Instagram', graph: 'la API actual de Instagram' },
  },
};
