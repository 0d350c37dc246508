// Brazilian Portuguese names and descriptions of igcord's slash commands, keyed by their English text (the
// definitions in commands/*/index.ts are the English source): `names` by English name, or by `command sub` where
// one English word needs two translations; `descriptions` and `choices` by English text. Names follow Discord's
// rule (lower case, no spaces, 1–32 characters); test/unit/i18n/definitions.test.ts checks every definition is covered.
import type { DefinitionCatalogue } from '../definition-catalogue.js';

export const ptBRDefinitions: DefinitionCatalogue = {
  names: {
    'add-comments': 'adicionar-comentarios',
    'add-mentions': 'adicionar-mencoes',
    'on-change': 'ao-mudar',
    digest: 'resumo',
    'digest-time': 'hora-resumo',
    account: 'conta',
    profile: 'perfil',
    username: 'usuario',
    share: 'compartilhar',
    posts: 'publicacoes',
    comments: 'comentarios',
    list: 'lista',
    post: 'publicacao',
    reply: 'responder',
    comment: 'comentario',
    'media comment': 'comentar',
    text: 'texto',
    hide: 'ocultar',
    hidden: 'oculto',
    delete: 'apagar',
    feed: 'feed',
    'add-account': 'adicionar-conta',
    channel: 'canal',
    mention: 'mencao',
    delivery: 'entrega',
    'add-tag': 'adicionar-tag',
    tag: 'tag',
    'add-location': 'adicionar-local',
    location: 'local',
    edit: 'editar',
    'clear-mention': 'remover-mencao',
    remove: 'remover',
    pause: 'pausar',
    resume: 'retomar',
    test: 'testar',
    backfill: 'recuperar',
    count: 'quantidade',
    follows: 'relacoes',
    following: 'seguindo',
    followers: 'seguidores',
    requests: 'solicitacoes',
    status: 'status',
    user: 'usuario',
    follow: 'seguir',
    unfollow: 'deixar-de-seguir',
    approve: 'aprovar',
    ignore: 'ignorar',
    hashtag: 'hashtag',
    info: 'info',
    name: 'nome',
    recent: 'recentes',
    help: 'ajuda',
    insights: 'estatisticas',
    instagram: 'instagram',
    link: 'vincular',
    scopes: 'permissoes',
    unlink: 'desvincular',
    me: 'eu',
    quota: 'cota',
    feeds: 'feeds',
    search: 'buscar',
    lat: 'lat',
    lng: 'lng',
    distance: 'distancia',
    media: 'publicacao',
    'user media': 'publicacoes',
    show: 'ver',
    near: 'perto',
    liked: 'curtidos',
    uncomment: 'apagar-comentario',
    likes: 'curtidas',
    like: 'curtir',
    unlike: 'descurtir',
    ping: 'ping',
    query: 'consulta',
    'add-stories': 'adicionar-stories',
    template: 'modelo',
    reset: 'redefinir',
    preview: 'previa',
    settings: 'configuracoes',
    timezone: 'fuso-horario',
    'time-format': 'formato-hora',
    why: 'por-que',
    filter: 'filtro',
    'feed filter add': 'adicionar',
    mode: 'modo',
    field: 'campo',
    value: 'valor',
    rule: 'regra',
  },
  descriptions: {
    "Each new comment on your linked account's posts, once, with Hide and Reply buttons for you":
      'Cada comentário novo nos posts da sua conta, uma vez, com botões Ocultar e Responder para você',
    'Each new post that tags or mentions your linked account, once':
      'Cada post novo que marca ou menciona sua conta vinculada, uma vez',
    "Follow a hashtag's new posts (read with your link; on Graph it holds one of 30 weekly hashtags)":
      'Siga os posts novos de uma hashtag (com sua conta; no Graph ocupa 1 de 30 hashtags por semana)',
    "Change a feed's channel, mention, delivery, digest or on-change, keeping what it delivered":
      'Mude canal, menção, entrega, resumo ou ao-mudar de um feed, mantendo o que entregou',
    'When a post is edited or deleted on Instagram within 24 h (default: edit)':
      'Quando um post é editado ou apagado no Instagram em 24 h (padrão: editar)',
    'One message per post, or a digest per hour or day': 'Uma mensagem por post, ou um resumo por hora ou por dia',
    "A daily digest's time, HH:MM in the server's time zone":
      'O horário do resumo diário, HH:MM no fuso horário do servidor',
    "Another professional Instagram account's profile and posts":
      'Perfil e publicações de outra conta profissional do Instagram',
    "A professional account's profile": 'O perfil de uma conta profissional',
    'The exact username of a professional (Business or Creator) account':
      'O nome de usuário exato de uma conta profissional (Empresa ou Criador)',
    'Show the answer to the channel (by default only you see it)':
      'Mostrar a resposta no canal (por padrão só você vê)',
    "A professional account's recent posts, one at a time":
      'As publicações recentes de uma conta profissional, uma por vez',
    'Manage the comments on your own Instagram posts': 'Gerencie os comentários das suas publicações do Instagram',
    "A post's comments, with their ids": 'Os comentários de uma publicação, com seus ids',
    'The post id (as /user media or a feed post shows it)':
      'O id da publicação (como /user media ou um post de feed mostra)',
    'Reply to a comment on your post': 'Responder a um comentário na sua publicação',
    'The comment id, as /comments list shows it': 'O id do comentário, como /comments list mostra',
    'What to say': 'O que dizer',
    'Hide a comment on your post from everyone but its author (or show it again)':
      'Ocultar um comentário da sua publicação de todos exceto o autor (ou mostrá-lo de novo)',
    'False shows a hidden comment again (default true)': 'False mostra de novo um comentário oculto (padrão true)',
    'Delete a comment on your post': 'Apagar um comentário da sua publicação',
    'Post Instagram posts into channels of this server': 'Publica posts do Instagram em canais deste servidor',
    "Follow an Instagram account's posts: yours, or one your link can read (you pay)":
      'Acompanhe os posts de uma conta do Instagram: a sua, ou outra que seu vínculo possa ler (você paga)',
    'The channel, forum (a thread per post) or thread that gets the posts':
      'O canal, fórum (um tópico por post) ou tópico que recebe os posts',
    'Another account to follow (yours when left out)': 'Outra conta para acompanhar (a sua se não informar)',
    'A role to mention with each post': 'Um cargo para mencionar em cada post',
    'Post as the bot, or through a channel webhook showing the Instagram name and picture':
      'Publicar como o bot, ou por um webhook do canal com o nome e a foto do Instagram',
    'Follow a tag (read with your linked account)': 'Acompanhe uma tag (lida com sua conta vinculada)',
    'The tag, with or without #': 'A tag, com ou sem #',
    'Follow a location (read with your linked account)': 'Acompanhe um local (lido com sua conta vinculada)',
    'A place: pick a suggestion (type "lat,lng" or a name), or its location id':
      'Um local: escolha uma sugestão (digite "lat,lng" ou um nome), ou o id do local',
    "This server's feeds, their state and their last and next posts":
      'Os feeds deste servidor, seu estado e seus últimos e próximos posts',
    "Change a feed's channel, mention, delivery or digest, keeping what it delivered":
      'Muda o canal, a menção, a entrega ou o resumo de um feed, mantendo o que já entregou',
    'The feed (see /feed list)': 'O feed (veja /feed list)',
    'Move the feed to this channel': 'Mover o feed para este canal',
    'Stop mentioning a role with each post': 'Parar de mencionar um cargo em cada post',
    'Stop and delete a feed (asks to confirm)': 'Parar e apagar um feed (pede confirmação)',
    'Stop posting for a feed until it is resumed': 'Parar de publicar um feed até que seja retomado',
    'Start posting again for a paused or disabled feed': 'Voltar a publicar um feed pausado ou desativado',
    "Post the source's latest media now, marked as a test": 'Publicar agora o último post da fonte, marcado como teste',
    'Post the last few posts now (asks to confirm)': 'Publicar agora os últimos posts (pede confirmação)',
    'How many posts (1 to 10)': 'Quantos posts (de 1 a 10)',
    'Your Instagram follows, followers, requests and relationships':
      'Quem você segue, seus seguidores, solicitações e relações no Instagram',
    'The accounts you follow on Instagram': 'As contas que você segue no Instagram',
    'The accounts that follow you on Instagram': 'As contas que seguem você no Instagram',
    'The people who asked to follow your private account': 'As pessoas que pediram para seguir sua conta privada',
    'How you and another Instagram account follow each other': 'Como você e outra conta do Instagram se seguem',
    'Instagram username': 'Nome de usuário do Instagram',
    'Follow an Instagram account (a private one gets a follow request)':
      'Seguir uma conta do Instagram (uma privada recebe uma solicitação)',
    'Stop following an Instagram account (or withdraw your request)':
      'Deixar de seguir uma conta do Instagram (ou retirar sua solicitação)',
    'Let someone who asked to follow your private account follow you':
      'Deixar que alguém que pediu para seguir sua conta privada siga você',
    'Someone who asked to follow you': 'Alguém que pediu para seguir você',
    'Turn down someone who asked to follow your private account':
      'Recusar alguém que pediu para seguir sua conta privada',
    'Instagram hashtags through Hashtag Search: their id and posts of the last day':
      'Hashtags do Instagram pelo Hashtag Search: seu id e os posts do último dia',
    "A hashtag's id (uses one of your 30 weekly hashtag lookups)":
      'O id de uma hashtag (usa uma das suas 30 consultas semanais de hashtags)',
    'The hashtag, with or without # (each new one uses one of 30 weekly lookups)':
      'A hashtag, com ou sem # (cada nova usa uma das 30 consultas semanais)',
    'Public posts with a hashtag from the last 24 hours, one at a time':
      'Posts públicos com uma hashtag das últimas 24 horas, um por vez',
    'List every igcord command and what it does': 'Lista todos os comandos do igcord e o que fazem',
    "Your Instagram account's reach and interactions, or one post's":
      'O alcance e as interações da sua conta do Instagram, ou de um post',
    'A post id of yours (your whole account when left out)': 'O id de um post seu (a conta inteira se não informar)',
    'Link your Instagram account and see its profile and budget':
      'Vincule sua conta do Instagram e veja o perfil e o orçamento',
    'Link your Instagram account to your Discord account': 'Vincula sua conta do Instagram à sua conta do Discord',
    'Permissions to ask for, separated by spaces, e.g. "basic likes" (default: all)':
      'Permissões a pedir, separadas por espaços, ex. "basic likes" (padrão: todas)',
    'Remove your Instagram link and its token; your feeds pause (asks to confirm)':
      'Remove seu vínculo com o Instagram e o token; seus feeds pausam (pede confirmação)',
    'Show the Instagram profile you linked': 'Mostra o perfil do Instagram que você vinculou',
    "Show how much of your Instagram account's request budget is left":
      'Mostra quanto resta do orçamento de requisições da sua conta do Instagram',
    'The feeds your Instagram link pays for, in every server; stop paying for one':
      'Os feeds que seu vínculo do Instagram paga, em todos os servidores; pare de pagar um',
    'Instagram locations: details, recent posts and places near a point':
      'Locais do Instagram: detalhes, posts recentes e lugares perto de um ponto',
    'Details of an Instagram location': 'Detalhes de um local do Instagram',
    'A place: pick a suggestion, or type a location id or "lat,lng"':
      'Um local: escolha uma sugestão, ou digite um id de local ou "lat,lng"',
    'Post the answer in the channel for everyone (by default only you see it)':
      'Publicar a resposta no canal para todos (por padrão só você vê)',
    'The most recent posts at a location, one at a time': 'Os posts mais recentes em um local, um por vez',
    'Instagram locations around a point': 'Locais do Instagram ao redor de um ponto',
    'Latitude, -90 to 90': 'Latitude, de -90 a 90',
    'Longitude, -180 to 180': 'Longitude, de -180 a 180',
    'Search radius in metres (default 500, at most 750)': 'Raio de busca em metros (padrão 500, no máximo 750)',
    'Instagram posts, their comments and likes, on your linked account':
      'Posts do Instagram, seus comentários e curtidas, com sua conta vinculada',
    'Show one post': 'Mostrar um post',
    'A post link, its shortcode or its media id': 'O link de um post, seu shortcode ou seu id de mídia',
    'Posts taken near a place': 'Posts feitos perto de um lugar',
    'Latitude, e.g. 60.1699': 'Latitude, ex. 60.1699',
    'Longitude, e.g. 24.9384': 'Longitude, ex. 24.9384',
    'Radius in metres (default 1000, at most 5000)': 'Raio em metros (padrão 1000, no máximo 5000)',
    'Posts you liked': 'Posts que você curtiu',
    "A post's comments": 'Os comentários de um post',
    'Comment on a post (at most 300 characters, 4 hashtags, 1 link; not all capitals)':
      'Comentar um post (no máximo 300 caracteres, 4 hashtags, 1 link; não tudo em maiúsculas)',
    'Delete a comment (yours, or any on your own post)': 'Apagar um comentário (seu, ou qualquer um no seu post)',
    'The comment id, as /media comments shows it': 'O id do comentário, como /media comments mostra',
    'Who liked a post': 'Quem curtiu um post',
    'Like a post': 'Curtir um post',
    'Remove your like from a post': 'Remover sua curtida de um post',
    'Check that igcord is online and how fast it answers': 'Verifica se o igcord está online e quão rápido responde',
    'Instagram hashtags: post counts, recent posts and search':
      'Hashtags do Instagram: número de posts, posts recentes e busca',
    'How many posts a hashtag has': 'Quantos posts uma hashtag tem',
    'The tag, without #': 'A tag, sem #',
    'The most recent posts with a hashtag, one at a time': 'Os posts mais recentes com uma hashtag, um por vez',
    'Hashtags that start with a word, most used first': 'Hashtags que começam com uma palavra, as mais usadas primeiro',
    'The start of a tag, without #': 'O começo de uma tag, sem #',
    'Instagram profiles and posts: yours or another account’s, and user search':
      'Perfis e posts do Instagram: os seus ou de outra conta, e busca de usuários',
    'Show an Instagram profile: yours, or the user you name':
      'Mostra um perfil do Instagram: o seu, ou o do usuário que você indicar',
    'Instagram username (yours when left out)': 'Nome de usuário do Instagram (o seu se não informar)',
    'Page through recent posts: yours, or the user you name':
      'Percorra os posts recentes: os seus, ou os do usuário que você indicar',
    'Find Instagram accounts by username or name': 'Busca contas do Instagram por nome de usuário ou nome',
    'Part of a username or a name': 'Parte de um nome de usuário ou de um nome',
    "Follow your linked account's stories: each new story once, while it lives (24 h)":
      'Acompanhe os stories da sua conta vinculada: cada story novo uma vez, enquanto existir (24 h)',
    "Edit how a feed's posts look (opens a form, shows a preview before saving)":
      'Edite a aparência dos posts de um feed (abre um formulário e mostra uma prévia antes de salvar)',
    'Go back to the built-in layout instead': 'Voltar ao layout padrão',
    "Show a feed's layout on its source's latest post, privately":
      'Mostra o layout de um feed no post mais recente da fonte, só para você',
    'The time zone and format feed templates write times in, for this server':
      'O fuso horário e o formato das horas nos modelos de feed deste servidor',
    'An IANA time zone, e.g. Europe/Paris': 'Um fuso horário IANA, ex.: America/Sao_Paulo',
    'How much of the date and time to show': 'Quanto mostrar da data e da hora',
    'Why a post did or did not arrive: delivered, filtered, not seen yet, paused, failed':
      'Por que um post chegou ou não: entregue, filtrado, ainda não visto, pausado, falhou',
    'A post link (instagram.com/p/…) or a media id': 'O link de um post (instagram.com/p/…) ou um id de mídia',
    'Which posts a feed lets through: include and exclude rules':
      'Quais posts um feed deixa passar: regras de inclusão e exclusão',
    'Add a rule: a post must match an include rule of each field used, and no exclude rule':
      'Adiciona uma regra: o post atende a uma de inclusão de cada campo usado e a nenhuma de exclusão',
    'Let matching posts through, or hold them back': 'Deixar passar os posts que correspondem, ou retê-los',
    'What the rule looks at (author: tag and location feeds)':
      'O que a regra examina (author: feeds de tag e de local)',
    'A hashtag, keyword, regular expression, kind (image, video, …) or @author':
      'Uma hashtag, palavra-chave, expressão regular, tipo (image, video, …) ou @autor',
    'Remove a rule, by its number in /feed filter list': 'Remove uma regra, pelo número em /feed filter list',
    'The rule number': 'O número da regra',
    "A feed's filter rules, numbered, and how they decide":
      'As regras de filtro de um feed, numeradas, e como elas decidem',
  },
  choices: {
    'edit the message to match': 'editar a mensagem para corresponder',
    'mark the message as edited or deleted': 'marcar a mensagem como editada ou apagada',
    'leave the message as posted': 'deixar a mensagem como foi postada',
    'off: one message per post': 'não: uma mensagem por post',
    'hourly: one message per hour': 'por hora: uma mensagem por hora',
    'daily: one message a day at digest-time': 'diário: uma mensagem por dia em hora-resumo',
    'bot message': 'mensagem do bot',
    'channel webhook': 'webhook do canal',
    'short (7/26/16, 1:54 PM)': 'curto (7/26/16, 1:54 PM)',
    'medium (Jul 26, 2016, 1:54:50 PM)': 'médio (Jul 26, 2016, 1:54:50 PM)',
    'long (July 26, 2016 at 1:54:50 PM UTC)': 'longo (July 26, 2016 at 1:54:50 PM UTC)',
    'full (Tuesday, July 26, 2016 at …)': 'completo (Tuesday, July 26, 2016 at …)',
    include: 'incluir',
    exclude: 'excluir',
    hashtag: 'hashtag',
    keyword: 'palavra-chave',
    regex: 'expressão regular',
    kind: 'tipo',
    author: 'autor',
  },
};
