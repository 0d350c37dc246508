// Brazilian Portuguese: /feed's replies (see en/feed.ts).
import type { feed as en } from '../en/feed.js';
import type { Translation } from '../translation.js';

export const feed: Translation<typeof en> = {
  source: {
    tag: 'tag {{tag}}',
    location: 'local {{id}}',
    accountPosts: 'os posts de {{account}}',
    accountId: 'os posts da conta do Instagram {{id}}',
    accountStories: 'os stories de {{account}}',
    storiesId: 'os stories da conta do Instagram {{id}}',
    accountComments: 'os comentários nos posts de {{account}}',
    commentsId: 'os comentários nos posts da conta do Instagram {{id}}',
    accountMentions: 'as menções a {{account}}',
    mentionsId: 'as menções à conta do Instagram {{id}}',
  },
  list: {
    title: 'Feeds neste servidor ({{count}})',
    footer: 'Remova, pause, retome, teste ou recupere um feed com /feed e o id dele.',
    field: 'Feed `{{id}}`',
    state: { active: '▶ ativo', paused: '⏸ pausado', disabled: '⛔ desativado' },
    noCheck: 'nenhuma enquanto não estiver ativo',
    notScheduled: 'não agendada',
    paidBy: 'Pago por {{payer}}',
    consented: ', que consentiu {{when}}',
    mentions: 'menciona {{role}}',
    nobody: 'ninguém',
    postsAsWebhook: 'publica por um webhook do canal',
    postsAsBot: 'publica como mensagens do bot',
    postsAsForum: 'publica um tópico por post',
    stateLine: 'Estado: {{state}}',
    lastDelivery: 'Última entrega {{when}} · próxima verificação {{next}}',
    never: 'nunca',
    filters_one: 'Filtros: {{count}} regra (/feed filter list)',
    filters_many: 'Filtros: {{count}} regras (/feed filter list)',
    filters_other: 'Filtros: {{count}} regras (/feed filter list)',
    move: 'Mover para {{account}}: {{id}}',
    hashtagSlots:
      'Pausado: a conta do Instagram de quem paga já usou as 30 hashtags desta semana (o Instagram conta cada hashtag nova por 7 dias), então não pode buscar esta hashtag; uma vaga é liberada em {{date}} e o feed é retomado sozinho então.',
  },
  remove: {
    removeButton: 'Remover',
    cancelButton: 'Cancelar',
    confirm:
      'Remover o feed `{{id}}` ({{source}} → {{channel}})? Nada mais será publicado por ele, e isso não pode ser desfeito.',
    notFeedButton: 'Esse botão não pertence a um comando de feed.',
    onlyInvoker: 'Só {{user}} pode responder a isto.',
    cancelled: 'Cancelado; nada foi removido.',
    alreadyRemoved: 'O feed `{{id}}` já foi removido.',
    removed: 'O feed `{{id}}` ({{source}} → {{channel}}) foi removido; nada mais será publicado por ele.',
    webhookKept: ' Não consegui apagar o webhook do canal; você pode apagá-lo nas configurações do canal.',
  },
  admin: {
    guildOnly: 'Os feeds pertencem a um canal de servidor: execute este comando em um servidor.',
    notAllowed: 'Só membros com a permissão Gerenciar servidor podem gerenciar os feeds deste servidor.',
    notFound: 'Não há nenhum feed `{{id}}` neste servidor. Execute /feed list para ver os feeds.',
  },
  manage: {
    alreadyPaused: 'O feed `{{id}}` já está pausado ({{reason}}).',
    paused: 'O feed `{{id}}` está pausado: nada é publicado em {{channel}} até você retomá-lo.',
    alreadyActive: 'O feed `{{id}}` já está ativo.',
    waitsForSlot:
      'O feed `{{id}}` ainda não pode ser retomado: a conta do Instagram de quem paga já usou as 30 hashtags desta semana. Uma vaga é liberada em {{date}}; o feed é retomado sozinho então, ou você pode retomá-lo depois disso.',
    resumed: 'O feed `{{id}}` está ativo de novo: os novos posts aparecem em {{channel}}.',
    none: 'Este servidor ainda não tem feeds. Adicione um com `/feed add-account`, `/feed add-tag` ou `/feed add-location`.',
  },
  posting: {
    tested: 'Publiquei a mídia mais recente do feed `{{id}}` em {{channel}}, marcada como teste.',
    nothingToTest: 'O feed `{{id}}` não tem nada para publicar: a fonte ainda não tem mídias.',
    backfillCount: 'Uma recuperação publica de 1 a {{max}} posts.',
    postButton: 'Publicar {{count}}',
    confirm_one:
      'Publicar agora o último {{count}} post do feed `{{id}}` em {{channel}}? Posts já entregues não são publicados de novo.',
    confirm_many:
      'Publicar agora os últimos {{count}} de posts do feed `{{id}}` em {{channel}}? Posts já entregues não são publicados de novo.',
    confirm_other:
      'Publicar agora os últimos {{count}} posts do feed `{{id}}` em {{channel}}? Posts já entregues não são publicados de novo.',
    cancelled: 'Recuperação cancelada; nada foi publicado.',
    posting: 'Publicando até {{count}} posts do feed `{{id}}` em {{channel}}…',
    done_one: 'Recuperação do feed `{{id}}` concluída: {{count}} post enviado para {{channel}}.',
    done_many: 'Recuperação do feed `{{id}}` concluída: {{count}} de posts enviados para {{channel}}.',
    done_other: 'Recuperação do feed `{{id}}` concluída: {{count}} posts enviados para {{channel}}.',
  },
  catchUp: {
    postButton: 'Publicar os {{count}} perdidos',
    skipButton: 'Pular para agora',
    ask_one:
      'O feed `{{id}}` perdeu {{count}} post enquanto estava parado. Publicá-lo em {{channel}} (o mais antigo primeiro), ou pular para agora e publicar só o que vier depois?',
    ask_many:
      'O feed `{{id}}` perdeu {{count}} de posts enquanto estava parado. Publicá-los em {{channel}} (os mais antigos primeiro), ou pular para agora e publicar só o que vier depois?',
    ask_other:
      'O feed `{{id}}` perdeu {{count}} posts enquanto estava parado. Publicá-los em {{channel}} (os mais antigos primeiro), ou pular para agora e publicar só o que vier depois?',
    posting: 'Publicando o que o feed `{{id}}` perdeu…',
    skipping: 'Pulando o que o feed `{{id}}` perdeu…',
    posted_one: 'O feed `{{id}}` está ativo de novo: publiquei o {{count}} post perdido em {{channel}}.',
    posted_many: 'O feed `{{id}}` está ativo de novo: publiquei os {{count}} de posts perdidos em {{channel}}.',
    posted_other: 'O feed `{{id}}` está ativo de novo: publiquei os {{count}} posts perdidos em {{channel}}.',
    skipped_one: 'O feed `{{id}}` está ativo de novo: pulei {{count}} post; os novos aparecem em {{channel}}.',
    skipped_many: 'O feed `{{id}}` está ativo de novo: pulei {{count}} de posts; os novos aparecem em {{channel}}.',
    skipped_other: 'O feed `{{id}}` está ativo de novo: pulei {{count}} posts; os novos aparecem em {{channel}}.',
  },
  add: {
    pointNotPlace:
      'Um feed acompanha um lugar, não um ponto: escolha um lugar das sugestões mostradas para essas coordenadas, ou informe o id numérico do local.',
    noPlace: 'Informe um lugar: escolha um das sugestões, ou informe o id numérico do local.',
    noEveryone: 'Um feed não pode mencionar @everyone. Escolha um cargo, ou deixe sem menção.',
    needsPublicContent:
      'Feeds de tags e locais leem conteúdo público com seu vínculo do Instagram, e ele não recebeu a permissão "{{scope}}". Vincule de novo e conceda.',
    duplicate: '{{channel}} já acompanha esta fonte: feed `{{id}}`.',
    mentions: ' Cada post menciona {{role}}.',
    namesOnly:
      ' Cada post cita {{role}}, mas esse cargo não é mencionável e me falta **Mencionar todos** aqui, então ninguém será notificado.',
    placeSource: 'local {{name}} ({{id}})',
    asWebhook: 'posts de um webhook do canal',
    asBot: 'mensagens do bot',
    asForumThreads: 'um tópico novo por post, com as tags do fórum que suas hashtags nomeiam',
    added:
      'Feed `{{id}}` adicionado: os novos posts ({{what}}) vão aparecer em {{channel}} como {{mode}}.{{mention}} Ele começa do post mais recente; `/feed test feed:{{id}}` publica esse para conferir.',
  },
};
