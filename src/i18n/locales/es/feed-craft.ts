// Spanish: how a feed's posts are crafted and explained (see en/feed-craft.ts).
import type { feedCraft as en } from '../en/feed-craft.js';
import type { Translation } from '../translation.js';

export const feedCraft: Translation<typeof en> = {
  template: {
    reset: 'El feed `{{id}}` vuelve a publicar con el diseño integrado.',
    previewHeader: 'Vista previa del feed `{{id}}` con el último post de su origen (solo tú la ves):',
    draftHeader: 'Vista previa de la nueva plantilla del feed `{{id}}` con el último post de su origen. ¿La guardas?',
    noPost: 'El origen aún no tiene ningún post con el que mostrarla.',
    refused: 'La plantilla del feed `{{id}}` no se guardó:\n{{problems}}',
    saveButton: 'Guardar',
    cancelButton: 'Cancelar',
    onlyAuthor: 'Solo el admin que escribió esta plantilla puede guardarla.',
    cancelled: 'Cancelado: la plantilla no se guardó.',
    expired: 'Esta vista previa caducó o ya se respondió. Vuelve a ejecutar /feed template.',
    saved: 'Guardada: los posts nuevos del feed `{{id}}` usan esta plantilla.',
  },
  modal: {
    title: 'Plantilla del feed {{id}}',
    content: 'Texto del mensaje',
    contentPlaceholder: 'Nuevo post de {author}: {permalink}',
    embedTitle: 'Título del embed',
    description: 'Descripción del embed',
    footer: 'Pie del embed',
    footerPlaceholder: 'Instagram · {time}',
    more: 'Autor, color, imagen, botón',
  },
  problem: {
    badColour: '`{{value}}` no es un color: escríbelo como #RRGGBB (p. ej., #E1306C) o none.',
    badImage: '`image: {{value}}` debe ser first, all (una galería) o none.',
    badButton: '`button: {{value}}` debe ser on u off.',
    notSetting: '`{{line}}` no es un ajuste: el último cuadro admite líneas author:, colour:, image: y button:.',
    unknownPlaceholder: 'Marcador desconocido `{{placeholder}}` en {{part}}. Marcadores disponibles: {{known}}.',
    tooLong: '{{part}} puede llegar a {{length}} caracteres con el post más largo posible (Discord permite {{limit}}).',
    embedTooLong:
      'El título, la descripción, el autor y el pie juntos pueden llegar a {{length}} caracteres con el post más largo posible (Discord permite {{limit}} en total).',
    empty: 'La plantilla no muestra nada: rellena al menos una parte o muestra una imagen.',
  },
  partIn: {
    content: 'el texto del mensaje',
    title: 'el título',
    description: 'la descripción',
    author: 'el autor',
    footer: 'el pie',
  },
  partSubject: {
    content: 'El texto del mensaje',
    title: 'El título',
    description: 'La descripción',
    author: 'El autor',
    footer: 'El pie',
  },
  timeLocale: 'es',
  openButton: 'Abrir en Instagram',
  settings: {
    badZone:
      '`{{zone}}` no es una zona horaria: usa un nombre IANA como Europe/Madrid o America/Mexico_City. No se cambió nada.',
    badFormat: 'El formato de hora es uno de estos: {{formats}}.',
    saved:
      'Las plantillas de feed de este servidor escriben las horas en {{zone}}, con el estilo {{format}}: ahora es «{{example}}».',
    format: { short: 'corto', medium: 'medio', long: 'largo', full: 'completo' },
  },
  filter: {
    semantics:
      'Un post pasa cuando, en cada campo que tiene reglas de incluir, coincide con al menos una de ellas, y no coincide con ninguna regla de excluir. Las palabras clave y las expresiones regulares leen el texto del post y el nombre del lugar, sin distinguir mayúsculas. Un post retenido queda registrado como filtrado (mira /feed why) y nunca se publica.',
    none: 'Sin reglas: se publica cada post.',
    rule: 'Regla {{n}}: {{rule}}',
    refused: 'La regla no se guardó. {{reason}}',
    duplicate: 'La regla no se guardó: el feed `{{id}}` ya la tiene.',
    full: 'La regla no se guardó: el feed `{{id}}` ya tiene {{max}} reglas, el máximo por feed.',
    gone: 'El feed `{{id}}` se eliminó mientras tanto.',
    noRule: 'El feed `{{id}}` no tiene la regla {{n}}. Ejecuta /feed filter list para ver sus reglas.',
    added: '{{semantics}}\n\nEl feed `{{id}}` ahora filtra con:\n{{rules}}',
    removed: 'Se quitó {{rule}} del feed `{{id}}`. Sus reglas ahora:\n{{rules}}',
    list: '{{semantics}}\n\nFiltros del feed `{{id}}`:\n{{rules}}',
  },
  rule: {
    words: '{{mode}} {{field}} {{value}}',
    noneMatched: 'las reglas de {{mode}} {{field}} (ninguna coincidió)',
    mode: { include: 'incluir', exclude: 'excluir' },
    field: {
      hashtag: 'hashtag',
      keyword: 'palabra clave',
      regex: 'expresión regular',
      kind: 'tipo',
      author: 'autor',
    },
  },
  refusal: {
    empty: 'El valor está vacío.',
    hashtag: '`{{typed}}` no es un hashtag: solo letras, dígitos y _, hasta {{max}}.',
    keywordLength: 'Una palabra clave tiene como máximo {{max}} caracteres.',
    regexLength: 'Una expresión regular tiene como máximo {{max}} caracteres.',
    regex: 'Expresión regular no válida: {{error}}',
    kind: 'El tipo es uno de estos: {{kinds}}.',
    authorOnAccount:
      'Las reglas de autor son para feeds de etiqueta y de lugar: un feed de cuenta tiene un solo autor.',
    username: '`{{typed}}` no es un nombre de usuario de Instagram.',
  },
  why: {
    notPost:
      '«{{typed}}» no es un post de Instagram. Indica el enlace de un post (https://www.instagram.com/p/…/) o un id de medio como `1368346650868743235_1127977711`.',
    unreadable:
      'igcord necesita una cuenta de Instagram vinculada para leer ese post: vincula la tuya con /instagram link, o indica el id de medio.',
    thisPost: 'este post de {{author}}',
    media: 'el medio `{{id}}`',
    noFeedFollows: 'Ningún feed de este servidor sigue la cuenta, una etiqueta o el lugar de {{what}}.',
    noFeedRecord:
      'Ningún feed de este servidor tiene registrado {{what}}. Indica el enlace del post para ver qué feeds podrían publicarlo.',
    header: 'Qué pasó con {{what}}:',
    line: '• Feed `{{id}}` en {{channel}}: {{outcome}}',
    delivered: 'publicado {{when}}: {{link}}',
    filtered: 'filtrado por {{rule}} {{when}}; no se publicará.',
    digestWaiting: 'esperando su resumen: va en el resumen previsto para el {{at}} ({{when}}).',
    nextChecked: 'se revisa {{when}}',
    beingRead: 'se está leyendo ahora',
    notScheduled: 'no está programado en este proceso',
    stoppedOverBudget:
      ' Su última lectura se detuvo antes de tiempo: sin presupuesto (el presupuesto de Instagram de quien paga se libera {{when}}).',
    stopped: ' Su última lectura se detuvo antes de tiempo: {{reason}}',
    failed: 'falló: {{reason}}. Se publicará si se reanuda el feed.',
    discordRefused: 'Discord lo rechazó',
    pausedWaiting: 'en pausa ({{reason}}); el post espera a publicarse cuando se reanude el feed.',
    waiting: 'esperando a publicarse (el último intento falló, o es el siguiente en la cola); su origen {{next}}.',
    overBudget: 'sin presupuesto: {{reason}} Su origen {{next}}.',
    paused: 'en pausa: {{reason}}',
    disabled: 'desactivado: {{reason}}',
    noRecord: 'no hay registro de este medio en el feed.',
    notSeen: 'aún no visto: su origen {{next}}.{{stopped}}',
    beforeFeed: 'se publicó en Instagram antes de que se agregara este feed.',
    pastRecords: 'sin registro: el feed guarda el registro de sus últimos 200 posts, y este no está entre ellos.',
  },
  digest: {
    badTime:
      '`{{typed}}` no es una hora del día: indica `digest-time` como HH:MM (de 00:00 a 23:59), en la zona horaria del servidor. No se cambió nada.',
    timeNeeded:
      'Un resumen diario necesita su hora: agrega `digest-time` como HH:MM (zona horaria del servidor). No se cambió nada.',
    timeWithout:
      '`digest-time` fija la hora de un resumen diario: agrega `digest:daily` (el feed `{{id}}` no es diario). No se cambió nada.',
    forum:
      'Un feed de foro crea un hilo por post y no puede publicar resúmenes: muévelo antes a un canal de texto. No se cambió nada.',
    now: ' Publica {{schedule}}.',
    waiting: ' Los posts ya reunidos siguen saliendo en el resumen que esperan.',
    perPost: 'un mensaje por post',
    hourly: 'un resumen cada hora ({{zone}})',
    daily: 'un resumen diario a las {{at}} ({{zone}})',
  },
};
