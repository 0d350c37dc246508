// Brazilian Portuguese: what /feed says while feeds are added, edited, moved, paid for and checked (see
// en/feed-manage.ts). Permission names are Discord's own, as its Portuguese settings show them.
import type { feedManage as en } from '../en/feed-manage.js';
import type { Translation } from '../translation.js';

export const feedManage: Translation<typeof en> = {
  consent: {
    ask: 'Este feed lê os posts de {{account}} com seu vínculo do Instagram e seu orçamento: confirme. Os novos posts de {{account}} vão aparecer em {{channel}}; verificá-los gasta seu orçamento do Instagram, e `/feed list` mostra você como quem paga o feed e quando você confirmou.',
    confirmButton: 'Confirmar',
    cancelled: 'Cancelado: nada foi adicionado.',
    adding: 'Adicionando o feed…',
    needsPublicContent:
      'Um feed de {{account}} lê os posts dessa conta com seu vínculo do Instagram, e ele não recebeu a permissão "{{scope}}". Vincule de novo e conceda. Nada foi criado.',
    roleGone: 'O cargo {{role}} não existe mais. Execute o comando de novo. Nada foi criado.',
    accountGone:
      'O Instagram não encontra mais a conta que você confirmou: ela pode ter sido apagada ou renomeada. Nada foi criado.',
    added:
      'Feed `{{id}}` adicionado: os novos posts de {{account}} vão aparecer em {{channel}}, lidos com seu vínculo do Instagram e seu orçamento. Ele começa do post mais recente; `/feed test feed:{{id}}` publica esse para conferir.{{mention}}',
  },
  channel: {
    webhookPlace:
      '{{channel}} é um fórum ou um tópico: os feeds publicam ali como o bot. Não informe `delivery` (ou escolha mensagem do bot). Nada foi alterado.',
    guildUnavailable: 'Não consigo ver este servidor agora. Tente de novo em um minuto.',
    gone: 'O canal {{channel}} não existe mais, ou não consigo vê-lo.',
    wrongKind: '{{channel}} não é um canal de texto, de anúncios ou fórum, nem um tópico; os feeds publicam nesses.',
    missingPermissions_one:
      'Não consigo publicar este feed em {{channel}}: me falta {{permissions}} ali. Dê essa permissão ao meu cargo nesse canal (ou no servidor) e execute o comando de novo. Nada foi criado.',
    missingPermissions_many:
      'Não consigo publicar este feed em {{channel}}: me faltam {{permissions}} ali. Dê essas permissões ao meu cargo nesse canal (ou no servidor) e execute o comando de novo. Nada foi criado.',
    missingPermissions_other:
      'Não consigo publicar este feed em {{channel}}: me faltam {{permissions}} ali. Dê essas permissões ao meu cargo nesse canal (ou no servidor) e execute o comando de novo. Nada foi criado.',
    noAccess:
      'O Discord diz que não tenho acesso a {{channel}} (Missing Access). Dê ao meu cargo **{{viewChannel}}** ali e execute o comando de novo. Nada foi criado.',
    lookupFailed:
      'O Discord não respondeu direito quando procurei {{channel}}. Tente de novo em um minuto. Nada foi criado.',
    permission: {
      viewChannel: 'Ver canal',
      sendMessages: 'Enviar mensagens',
      embedLinks: 'Inserir links',
      readMessageHistory: 'Ver histórico de mensagens',
      manageWebhooks: 'Gerenciar webhooks',
      sendMessagesInThreads: 'Enviar mensagens em tópicos',
      manageThreads: 'Gerenciar tópicos',
      other: 'permissão {{bit}}',
    },
  },
  edit: {
    nothing:
      'Nada para alterar: dê ao feed `{{id}}` um novo `channel`, `mention`, `delivery`, `digest` ou `on-change`, ou `clear-mention`.',
    conflict: 'Dê um cargo a `mention`, ou `clear-mention`, não os dois. Nada foi alterado.',
    noEveryone: 'Um feed não pode mencionar @everyone. Escolha um cargo, ou tire a menção. Nada foi alterado.',
    removedMeanwhile: 'O feed `{{id}}` foi removido nesse meio-tempo; nada foi alterado.',
    duplicate: '{{channel}} já acompanha esta fonte: feed `{{id}}`. Nada foi alterado.',
    edited:
      'O feed `{{id}}` agora publica em {{channel}} como {{mode}}, {{mentioning}}. Quando um post é editado ou apagado no Instagram em até 24 h: `{{onChange}}` ({{onChangeMeaning}}).',
    kept: ' Quem paga, o estado e os posts entregues são mantidos: nada que já foi publicado é publicado de novo.',
    asForumThreads: 'um tópico novo por post',
    asWebhook: 'posts de um webhook do canal',
    asBot: 'mensagens do bot',
    mentioning: 'mencionando {{role}}',
    mentioningNobody: 'sem mencionar ninguém',
    onChange: {
      edit: 'a mensagem é editada para refletir a mudança',
      mark: 'a mensagem é marcada como editada ou apagada',
      leave: 'a mensagem fica como foi publicada',
    },
  },
  hashtagSlots: {
    fullUntil:
      'Sua conta do Instagram já usou as {{limit}} hashtags desta semana (o Instagram conta cada hashtag nova por 7 dias), então {{tag}} ainda não pode ser acompanhada: uma vaga é liberada em {{date}} ({{relative}}). Nada foi criado.',
    fullWithinWeek:
      'Sua conta do Instagram já usou as {{limit}} hashtags desta semana (o Instagram conta cada hashtag nova por 7 dias), então {{tag}} ainda não pode ser acompanhada: uma vaga é liberada em até 7 dias depois da mais antiga. Nada foi criado.',
  },
  mentionRole: {
    notMentionable:
      '{{role}} não é mencionável, e você não tem **Mencionar @everyone, @here e todos os cargos**, então um feed configurado por você não pode notificá-lo. Torne o cargo mencionável nas configurações do servidor, escolha outro cargo, ou deixe sem menção. Nada foi criado.',
  },
  move: {
    gone: 'Esse feed não existe mais.',
    payerOnly: 'O feed `{{id}}` é pago por {{payer}}: só essa pessoa pode movê-lo para a nova conta dela.',
    linkBroken: 'Seu vínculo do Instagram não funciona agora: execute /instagram link e depois mova o feed.',
    already: 'O feed `{{id}}` já usa **{{account}}**.',
    moved:
      'O feed `{{id}}` ({{channel}}) foi movido para **{{account}}**: a partir de agora o vínculo dessa conta o lê e paga por ele.',
  },
  payer: {
    // One sentence per action: the verb and its object read differently in each language.
    only: {
      resume:
        'O feed `{{id}}` lê o Instagram com o vínculo de {{payer}}, que paga por ele: só essa pessoa pode retomá-lo, porque isso gasta o orçamento do Instagram dela. Você pode pausá-lo ou removê-lo, e adicioná-lo de novo com seu próprio vínculo.',
      test: 'O feed `{{id}}` lê o Instagram com o vínculo de {{payer}}, que paga por ele: só essa pessoa pode testá-lo, porque isso gasta o orçamento do Instagram dela. Você pode pausá-lo ou removê-lo, e adicioná-lo de novo com seu próprio vínculo.',
      backfill:
        'O feed `{{id}}` lê o Instagram com o vínculo de {{payer}}, que paga por ele: só essa pessoa pode recuperar os posts dele, porque isso gasta o orçamento do Instagram dela. Você pode pausá-lo ou removê-lo, e adicioná-lo de novo com seu próprio vínculo.',
    },
  },
  resumable: {
    linkGone:
      'O feed `{{id}}` lê o Instagram com o vínculo de {{owner}}, que não existe mais. Essa pessoa precisa vincular essa conta de novo antes que o feed possa ser retomado.',
    linkBroken:
      'O feed `{{id}}` lê o Instagram com o vínculo de {{owner}}, que não funciona mais. Essa pessoa precisa vincular essa conta de novo antes que o feed possa ser retomado.',
    linkElsewhere:
      'O feed `{{id}}` lê o Instagram com o vínculo de {{owner}}, que agora aponta para outra conta do Instagram. Essa pessoa precisa vincular essa conta de novo antes que o feed possa ser retomado.',
  },
  autocomplete: {
    feed: '{{id}} · {{source}} → #{{channel}} ({{state}})',
    state: { active: 'ativo', paused: 'pausado', disabled: 'desativado' },
  },
};
