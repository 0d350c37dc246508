// Spanish names and descriptions of igcord's slash commands, keyed by their English text (the definitions in
// commands/*/index.ts are the English source): `names` by English name, or by `command sub` where one English
// word needs two translations; `descriptions` and `choices` by English text. Names follow Discord's rule (lower
// case, no spaces, 1–32 characters); test/unit/i18n/definitions.test.ts checks every definition is covered.
import type { DefinitionCatalogue } from '../definition-catalogue.js';

export const esDefinitions: DefinitionCatalogue = {
  names: {
    'add-comments': 'agregar-comentarios',
    'add-mentions': 'agregar-menciones',
    'on-change': 'al-cambiar',
    digest: 'resumen',
    'digest-time': 'hora-resumen',
    account: 'cuenta',
    profile: 'perfil',
    username: 'usuario',
    share: 'compartir',
    posts: 'publicaciones',
    comments: 'comentarios',
    list: 'lista',
    post: 'publicacion',
    reply: 'responder',
    comment: 'comentario',
    'media comment': 'comentar',
    text: 'texto',
    hide: 'ocultar',
    hidden: 'oculto',
    delete: 'borrar',
    feed: 'feed',
    'add-account': 'agregar-cuenta',
    channel: 'canal',
    mention: 'mencion',
    delivery: 'entrega',
    'add-tag': 'agregar-etiqueta',
    tag: 'etiqueta',
    'add-location': 'agregar-lugar',
    location: 'lugar',
    edit: 'editar',
    'clear-mention': 'quitar-mencion',
    remove: 'eliminar',
    pause: 'pausar',
    resume: 'reanudar',
    test: 'probar',
    backfill: 'recuperar',
    count: 'cantidad',
    follows: 'seguidos',
    following: 'siguiendo',
    followers: 'seguidores',
    requests: 'solicitudes',
    status: 'estado',
    user: 'usuario',
    follow: 'seguir',
    unfollow: 'dejar-de-seguir',
    approve: 'aprobar',
    ignore: 'ignorar',
    hashtag: 'hashtag',
    info: 'info',
    name: 'nombre',
    recent: 'recientes',
    help: 'ayuda',
    insights: 'estadisticas',
    instagram: 'instagram',
    link: 'vincular',
    scopes: 'permisos',
    unlink: 'desvincular',
    me: 'yo',
    quota: 'cuota',
    feeds: 'feeds',
    search: 'buscar',
    lat: 'lat',
    lng: 'lng',
    distance: 'distancia',
    media: 'publicacion',
    'user media': 'publicaciones',
    show: 'ver',
    near: 'cerca',
    liked: 'te-gustaron',
    uncomment: 'borrar-comentario',
    likes: 'me-gusta',
    like: 'dar-me-gusta',
    unlike: 'quitar-me-gusta',
    ping: 'ping',
    query: 'consulta',
    'add-stories': 'agregar-historias',
    template: 'plantilla',
    reset: 'restablecer',
    preview: 'vista-previa',
    settings: 'ajustes',
    timezone: 'zona-horaria',
    'time-format': 'formato-hora',
    why: 'por-que',
    filter: 'filtro',
    'feed filter add': 'agregar',
    mode: 'modo',
    field: 'campo',
    value: 'valor',
    rule: 'regla',
  },
  descriptions: {
    "Each new comment on your linked account's posts, once, with Hide and Reply buttons for you":
      'Cada comentario nuevo en los posts de tu cuenta, una vez, con botones Ocultar y Responder para ti',
    'Each new post that tags or mentions your linked account, once':
      'Cada post nuevo que etiqueta o menciona tu cuenta vinculada, una vez',
    "Follow a hashtag's new posts (read with your link; on Graph it holds one of 30 weekly hashtags)":
      'Sigue los posts nuevos de un hashtag (con tu cuenta; en Graph ocupa 1 de 30 hashtags por semana)',
    "Change a feed's channel, mention, delivery, digest or on-change, keeping what it delivered":
      'Cambia canal, mención, entrega, resumen o al-cambiar de un feed, conservando lo entregado',
    'When a post is edited or deleted on Instagram within 24 h (default: edit)':
      'Cuando un post se edita o se borra en Instagram en 24 h (por defecto: editar)',
    'One message per post, or a digest per hour or day': 'Un mensaje por post, o un resumen por hora o por día',
    "A daily digest's time, HH:MM in the server's time zone":
      'La hora del resumen diario, HH:MM en la zona horaria del servidor',
    "Another professional Instagram account's profile and posts":
      'Perfil y publicaciones de otra cuenta profesional de Instagram',
    "A professional account's profile": 'El perfil de una cuenta profesional',
    'The exact username of a professional (Business or Creator) account':
      'El nombre de usuario exacto de una cuenta profesional (Empresa o Creador)',
    'Show the answer to the channel (by default only you see it)':
      'Mostrar la respuesta en el canal (por defecto solo la ves tú)',
    "A professional account's recent posts, one at a time":
      'Las publicaciones recientes de una cuenta profesional, una a una',
    'Manage the comments on your own Instagram posts': 'Gestiona los comentarios de tus publicaciones de Instagram',
    "A post's comments, with their ids": 'Los comentarios de una publicación, con sus ids',
    'The post id (as /user media or a feed post shows it)':
      'El id de la publicación (como lo muestra /user media o un post de un feed)',
    'Reply to a comment on your post': 'Responder a un comentario de tu publicación',
    'The comment id, as /comments list shows it': 'El id del comentario, como lo muestra /comments list',
    'What to say': 'Qué decir',
    'Hide a comment on your post from everyone but its author (or show it again)':
      'Ocultar un comentario de tu publicación a todos salvo a su autor (o mostrarlo de nuevo)',
    'False shows a hidden comment again (default true)':
      'False vuelve a mostrar un comentario oculto (por defecto true)',
    'Delete a comment on your post': 'Borrar un comentario de tu publicación',
    'Post Instagram posts into channels of this server': 'Publica posts de Instagram en canales de este servidor',
    "Follow an Instagram account's posts: yours, or one your link can read (you pay)":
      'Sigue los posts de una cuenta de Instagram: la tuya u otra que tu vínculo pueda leer (pagas tú)',
    'The channel, forum (a thread per post) or thread that gets the posts':
      'El canal, foro (un hilo por publicación) o hilo que recibe los posts',
    'Another account to follow (yours when left out)': 'Otra cuenta a seguir (la tuya si no indicas ninguna)',
    'A role to mention with each post': 'Un rol a mencionar con cada post',
    'Post as the bot, or through a channel webhook showing the Instagram name and picture':
      'Publicar como el bot, o por un webhook del canal con el nombre y la foto de Instagram',
    'Follow a tag (read with your linked account)': 'Sigue una etiqueta (leída con tu cuenta vinculada)',
    'The tag, with or without #': 'La etiqueta, con o sin #',
    'Follow a location (read with your linked account)': 'Sigue un lugar (leído con tu cuenta vinculada)',
    'A place: pick a suggestion (type "lat,lng" or a name), or its location id':
      'Un lugar: elige una sugerencia (escribe "lat,lng" o un nombre), o su id de lugar',
    "This server's feeds, their state and their last and next posts":
      'Los feeds de este servidor, su estado y sus últimos y próximos posts',
    "Change a feed's channel, mention, delivery or digest, keeping what it delivered":
      'Cambia el canal, la mención, la entrega o el resumen de un feed, conservando lo que entregó',
    'The feed (see /feed list)': 'El feed (ver /feed list)',
    'Move the feed to this channel': 'Mover el feed a este canal',
    'Stop mentioning a role with each post': 'Dejar de mencionar un rol con cada post',
    'Stop and delete a feed (asks to confirm)': 'Detener y borrar un feed (pide confirmación)',
    'Stop posting for a feed until it is resumed': 'Dejar de publicar un feed hasta que se reanude',
    'Start posting again for a paused or disabled feed': 'Volver a publicar un feed pausado o desactivado',
    "Post the source's latest media now, marked as a test":
      'Publicar ahora el último post de la fuente, marcado como prueba',
    'Post the last few posts now (asks to confirm)': 'Publicar ahora los últimos posts (pide confirmación)',
    'How many posts (1 to 10)': 'Cuántos posts (de 1 a 10)',
    'Your Instagram follows, followers, requests and relationships':
      'Tus seguidos, seguidores, solicitudes y relaciones en Instagram',
    'The accounts you follow on Instagram': 'Las cuentas que sigues en Instagram',
    'The accounts that follow you on Instagram': 'Las cuentas que te siguen en Instagram',
    'The people who asked to follow your private account': 'Las personas que pidieron seguir tu cuenta privada',
    'How you and another Instagram account follow each other': 'Cómo os seguís tú y otra cuenta de Instagram',
    'Instagram username': 'Nombre de usuario de Instagram',
    'Follow an Instagram account (a private one gets a follow request)':
      'Seguir una cuenta de Instagram (una privada recibe una solicitud)',
    'Stop following an Instagram account (or withdraw your request)':
      'Dejar de seguir una cuenta de Instagram (o retirar tu solicitud)',
    'Let someone who asked to follow your private account follow you':
      'Dejar que te siga alguien que lo pidió en tu cuenta privada',
    'Someone who asked to follow you': 'Alguien que pidió seguirte',
    'Turn down someone who asked to follow your private account':
      'Rechazar a alguien que pidió seguir tu cuenta privada',
    'Instagram hashtags through Hashtag Search: their id and posts of the last day':
      'Hashtags de Instagram con Hashtag Search: su id y los posts del último día',
    "A hashtag's id (uses one of your 30 weekly hashtag lookups)":
      'El id de un hashtag (usa una de tus 30 búsquedas semanales de hashtags)',
    'The hashtag, with or without # (each new one uses one of 30 weekly lookups)':
      'El hashtag, con o sin # (cada uno nuevo usa una de 30 búsquedas semanales)',
    'Public posts with a hashtag from the last 24 hours, one at a time':
      'Posts públicos con un hashtag de las últimas 24 horas, uno a uno',
    'List every igcord command and what it does': 'Lista cada comando de igcord y lo que hace',
    "Your Instagram account's reach and interactions, or one post's":
      'El alcance y las interacciones de tu cuenta de Instagram, o de un post',
    'A post id of yours (your whole account when left out)': 'El id de un post tuyo (toda tu cuenta si no lo indicas)',
    'Link your Instagram account and see its profile and budget':
      'Vincula tu cuenta de Instagram y consulta su perfil y su presupuesto',
    'Link your Instagram account to your Discord account': 'Vincula tu cuenta de Instagram a tu cuenta de Discord',
    'Permissions to ask for, separated by spaces, e.g. "basic likes" (default: all)':
      'Permisos a pedir, separados por espacios, p. ej. "basic likes" (por defecto: todos)',
    'Remove your Instagram link and its token; your feeds pause (asks to confirm)':
      'Quita tu vínculo con Instagram y su token; tus feeds se pausan (pide confirmación)',
    'Show the Instagram profile you linked': 'Muestra el perfil de Instagram que vinculaste',
    "Show how much of your Instagram account's request budget is left":
      'Muestra cuánto queda del presupuesto de peticiones de tu cuenta de Instagram',
    'The feeds your Instagram link pays for, in every server; stop paying for one':
      'Los feeds que paga tu vínculo de Instagram, en todos los servidores; deja de pagar uno',
    'Instagram locations: details, recent posts and places near a point':
      'Lugares de Instagram: detalles, posts recientes y lugares cerca de un punto',
    'Details of an Instagram location': 'Detalles de un lugar de Instagram',
    'A place: pick a suggestion, or type a location id or "lat,lng"':
      'Un lugar: elige una sugerencia, o escribe un id de lugar o "lat,lng"',
    'Post the answer in the channel for everyone (by default only you see it)':
      'Publicar la respuesta en el canal para todos (por defecto solo la ves tú)',
    'The most recent posts at a location, one at a time': 'Los posts más recientes en un lugar, uno a uno',
    'Instagram locations around a point': 'Lugares de Instagram alrededor de un punto',
    'Latitude, -90 to 90': 'Latitud, de -90 a 90',
    'Longitude, -180 to 180': 'Longitud, de -180 a 180',
    'Search radius in metres (default 500, at most 750)':
      'Radio de búsqueda en metros (500 por defecto, 750 como máximo)',
    'Instagram posts, their comments and likes, on your linked account':
      'Posts de Instagram, sus comentarios y me gusta, con tu cuenta vinculada',
    'Show one post': 'Mostrar un post',
    'A post link, its shortcode or its media id': 'El enlace de un post, su shortcode o su id de medio',
    'Posts taken near a place': 'Posts tomados cerca de un lugar',
    'Latitude, e.g. 60.1699': 'Latitud, p. ej. 60.1699',
    'Longitude, e.g. 24.9384': 'Longitud, p. ej. 24.9384',
    'Radius in metres (default 1000, at most 5000)': 'Radio en metros (1000 por defecto, 5000 como máximo)',
    'Posts you liked': 'Posts que te gustaron',
    "A post's comments": 'Los comentarios de un post',
    'Comment on a post (at most 300 characters, 4 hashtags, 1 link; not all capitals)':
      'Comentar un post (300 caracteres, 4 hashtags y 1 enlace como máximo; no todo en mayúsculas)',
    'Delete a comment (yours, or any on your own post)': 'Borrar un comentario (tuyo, o cualquiera en tu propio post)',
    'The comment id, as /media comments shows it': 'El id del comentario, como lo muestra /media comments',
    'Who liked a post': 'Quién dio me gusta a un post',
    'Like a post': 'Dar me gusta a un post',
    'Remove your like from a post': 'Quitar tu me gusta de un post',
    'Check that igcord is online and how fast it answers':
      'Comprueba que igcord está en línea y lo rápido que responde',
    'Instagram hashtags: post counts, recent posts and search':
      'Hashtags de Instagram: número de posts, posts recientes y búsqueda',
    'How many posts a hashtag has': 'Cuántos posts tiene un hashtag',
    'The tag, without #': 'La etiqueta, sin #',
    'The most recent posts with a hashtag, one at a time': 'Los posts más recientes con un hashtag, uno a uno',
    'Hashtags that start with a word, most used first': 'Hashtags que empiezan por una palabra, los más usados primero',
    'The start of a tag, without #': 'El comienzo de una etiqueta, sin #',
    'Instagram profiles and posts: yours or another account’s, and user search':
      'Perfiles y posts de Instagram: los tuyos o los de otra cuenta, y búsqueda de usuarios',
    'Show an Instagram profile: yours, or the user you name':
      'Muestra un perfil de Instagram: el tuyo, o el del usuario que indiques',
    'Instagram username (yours when left out)': 'Nombre de usuario de Instagram (el tuyo si no lo indicas)',
    'Page through recent posts: yours, or the user you name':
      'Recorre los posts recientes: los tuyos, o los del usuario que indiques',
    'Find Instagram accounts by username or name': 'Busca cuentas de Instagram por nombre de usuario o nombre',
    'Part of a username or a name': 'Parte de un nombre de usuario o de un nombre',
    "Follow your linked account's stories: each new story once, while it lives (24 h)":
      'Sigue las historias de tu cuenta vinculada: cada historia nueva una vez, mientras existe (24 h)',
    "Edit how a feed's posts look (opens a form, shows a preview before saving)":
      'Edita el aspecto de los posts de un feed (abre un formulario, vista previa antes de guardar)',
    'Go back to the built-in layout instead': 'Volver al diseño predeterminado',
    "Show a feed's layout on its source's latest post, privately":
      'Muestra el diseño de un feed con el último post de su fuente, solo para ti',
    'The time zone and format feed templates write times in, for this server':
      'La zona horaria y el formato de las horas en las plantillas de feeds de este servidor',
    'An IANA time zone, e.g. Europe/Paris': 'Una zona horaria IANA, p. ej. Europe/Madrid',
    'How much of the date and time to show': 'Cuánto mostrar de la fecha y la hora',
    'Why a post did or did not arrive: delivered, filtered, not seen yet, paused, failed':
      'Por qué un post llegó o no: entregado, filtrado, aún no visto, en pausa, fallido',
    'A post link (instagram.com/p/…) or a media id': 'El enlace de un post (instagram.com/p/…) o su id de medio',
    'Which posts a feed lets through: include and exclude rules':
      'Qué posts deja pasar un feed: reglas de inclusión y exclusión',
    'Add a rule: a post must match an include rule of each field used, and no exclude rule':
      'Agrega una regla: un post cumple una de inclusión de cada campo usado y ninguna de exclusión',
    'Let matching posts through, or hold them back': 'Dejar pasar los posts que coinciden, o retenerlos',
    'What the rule looks at (author: tag and location feeds)':
      'Qué mira la regla (author: feeds de etiqueta y de lugar)',
    'A hashtag, keyword, regular expression, kind (image, video, …) or @author':
      'Un hashtag, palabra clave, expresión regular, tipo (image, video, …) o @autor',
    'Remove a rule, by its number in /feed filter list': 'Quita una regla, por su número en /feed filter list',
    'The rule number': 'El número de la regla',
    "A feed's filter rules, numbered, and how they decide":
      'Las reglas de filtro de un feed, numeradas, y cómo deciden',
  },
  choices: {
    'edit the message to match': 'editar el mensaje para que coincida',
    'mark the message as edited or deleted': 'marcar el mensaje como editado o borrado',
    'leave the message as posted': 'dejar el mensaje como se publicó',
    'off: one message per post': 'no: un mensaje por post',
    'hourly: one message per hour': 'cada hora: un mensaje por hora',
    'daily: one message a day at digest-time': 'diario: un mensaje al día a hora-resumen',
    'bot message': 'mensaje del bot',
    'channel webhook': 'webhook del canal',
    'short (7/26/16, 1:54 PM)': 'corto (7/26/16, 1:54 PM)',
    'medium (Jul 26, 2016, 1:54:50 PM)': 'medio (Jul 26, 2016, 1:54:50 PM)',
    'long (July 26, 2016 at 1:54:50 PM UTC)': 'largo (July 26, 2016 at 1:54:50 PM UTC)',
    'full (Tuesday, July 26, 2016 at …)': 'completo (Tuesday, July 26, 2016 at …)',
    include: 'incluir',
    exclude: 'excluir',
    hashtag: 'hashtag',
    keyword: 'palabra clave',
    regex: 'expresión regular',
    kind: 'tipo',
    author: 'autor',
  },
};
