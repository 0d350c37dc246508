// Brazilian Portuguese: what igcord says on its own about feeds and links (see en/notices.ts).
import type { notices as en } from '../en/notices.js';
import type { Translation } from '../translation.js';

export const notices: Translation<typeof en> = {
  feed: {
    paused: '⏸ O feed do Instagram `{{id}}` em <#{{channel}}> está pausado: {{reason}}',
    disabled: '⚠️ O feed do Instagram `{{id}}` em <#{{channel}}> foi desativado: {{reason}}',
  },
  paused: {
    byPerson: 'por {{who}} {{when}}',
    byAdmin: 'por um administrador {{when}}',
    ownerUnlinked:
      'quem é dono dele desvinculou a conta do Instagram; ele volta quando essa conta for vinculada de novo.',
    linkedElsewhere:
      '{{account}} não está mais vinculada. Ele volta quando quem é dono dele vincular essa conta de novo, ou quando o mover para a conta que vincula agora (o botão na resposta de vinculação).',
    linkedElsewhereWords:
      '{{detail}}. Ele volta quando quem é dono dele vincular essa conta de novo, ou quando o mover para a conta que vincula agora (o botão na resposta de vinculação).',
    linkBroken:
      'o vínculo do Instagram de quem é dono dele parou de funcionar. É só executar /instagram link de novo com a mesma conta e o feed volta sozinho.',
    linkBrokenToken:
      'o vínculo do Instagram de quem é dono dele parou de funcionar (token revogado ou expirado). É só executar /instagram link de novo com a mesma conta e o feed volta sozinho.',
    linkBrokenUnreadable:
      'o vínculo do Instagram de quem é dono dele parou de funcionar (o token salvo não pode ser lido). É só executar /instagram link de novo com a mesma conta e o feed volta sozinho.',
    linkBrokenWords:
      'o vínculo do Instagram de quem é dono dele parou de funcionar ({{detail}}). É só executar /instagram link de novo com a mesma conta e o feed volta sozinho.',
    budget: 'o orçamento do Instagram de quem é dono dele se esgotou; ele volta sozinho.',
    budgetWords: 'o orçamento do Instagram de quem é dono dele se esgotou ({{detail}}); ele volta sozinho.',
    payerLeft:
      '{{member}} saiu do servidor, e é o vínculo do Instagram dessa pessoa que paga por ele. Ela pode retomá-lo quando voltar a gerenciar o servidor; ou um administrador o remove (`/feed remove`) e o adiciona com o próprio vínculo.',
    payerNotManager:
      '{{member}} não tem mais a permissão Gerenciar servidor, e é o vínculo do Instagram dessa pessoa que paga por ele. Ela pode retomá-lo quando voltar a gerenciar o servidor; ou um administrador o remove (`/feed remove`) e o adiciona com o próprio vínculo.',
    payerWords:
      '{{detail}}, e é o vínculo do Instagram dessa pessoa que paga por ele. Ela pode retomá-lo quando voltar a gerenciar o servidor; ou um administrador o remove (`/feed remove`) e o adiciona com o próprio vínculo.',
    payerUnknown:
      'o membro que paga por ele não pode mais, e é o vínculo do Instagram dessa pessoa que paga por ele. Ela pode retomá-lo quando voltar a gerenciar o servidor; ou um administrador o remove (`/feed remove`) e o adiciona com o próprio vínculo.',
    scope:
      'o feed precisa da permissão `{{scope}}`: quem é dono dele executa /instagram link scopes:{{scope}} com a mesma conta e o feed volta sozinho.',
    noPayer:
      '{{member}} parou de pagar por ele com o vínculo do Instagram. Essa pessoa pode retomá-lo (`/feed resume`); ou um administrador o remove (`/feed remove`) e o adiciona com o próprio vínculo.',
  },
  disabled: {
    discordError: 'Erro do Discord {{code}}: {{why}}',
    missingAccess:
      'o igcord perdeu o acesso ao canal (Missing Access): dê ao bot a permissão Ver canal lá e depois retome o feed',
    missingPermissions:
      'o igcord não tem permissão para publicar no canal (precisa de Enviar mensagens e Inserir links): corrija isso e depois retome o feed',
    channelDeleted: 'o canal foi excluído: remova este feed ou mova-o para outro canal',
    webhookDeleted: 'o webhook do feed foi excluído: configure o feed de novo',
    webhookInvalid: 'o token do webhook do feed não é mais válido: configure o feed de novo',
    forumTagRequired:
      'o fórum exige uma tag em cada publicação e nenhuma das hashtags deste post corresponde a uma das tags dele: adicione uma tag ao fórum com o nome de uma hashtag que a fonte usa, ou desative Exigir tags, e depois retome o feed',
    threadLocked:
      'o tópico está trancado e o igcord não pode publicar nele (precisa de Gerenciar tópicos): destranque o tópico, ou dê ao igcord Gerenciar tópicos lá, e depois retome o feed',
    threadArchivedLocked:
      'o tópico está arquivado e trancado, e o igcord não pode reabri-lo (precisa de Gerenciar tópicos): destranque ou reabra o tópico, ou dê ao igcord Gerenciar tópicos lá, e depois retome o feed',
    webhookKeyGone:
      'o token salvo do webhook do feed não pode ser descriptografado (a chave de criptografia dele não está mais configurada): configure o feed de novo',
    webhookDamaged:
      'o token salvo do webhook do feed não pode ser descriptografado (está danificado): configure o feed de novo',
    webhookMissing: 'o token do webhook do feed está faltando: configure o feed de novo',
    forumDigest: 'um feed de fórum não pode publicar resumos: use `digest:off` ou mova-o para um canal',
    notOnProvider: 'a API do Instagram que o igcord usa aqui não tem {{what}}: remova este feed',
    instagramRefused: 'O Instagram recusa esta fonte ({{detail}})',
    unknown: 'nenhum motivo foi registrado',
  },
  notAvailable: 'A API do Instagram que o igcord usa aqui não tem {{what}}.',
  capability: {
    likes: 'listas de curtidas nem como curtir',
    relationships: 'listas de seguidores nem como seguir',
    comments: 'comentários',
    'tag-feeds': 'feeds de hashtags (a busca de hashtags precisa do login com o Facebook)',
    'location-feeds': 'feeds de locais',
    'account-feeds': 'feeds de canal de uma conta',
    'story-feeds': 'feeds de stories',
    notifications: 'avisos de posts novos',
    search: 'busca de pessoas, locais nem posts por perto',
    locations: 'locais',
    tags: 'contagens de hashtags nem busca por nome',
    'comment-moderation': 'como ocultar nem responder comentários',
    mentions: 'lista dos posts em que você foi marcado',
    insights: 'estatísticas',
    'other-accounts': 'perfis de outras contas (o Business Discovery precisa do login com o Facebook)',
    'hashtag-search': 'busca de hashtags (precisa do login com o Facebook)',
  },
  owner: {
    broken:
      'Seu vínculo do Instagram com **{{account}}** parou de funcionar ({{why}}). {{feeds}} Toque em **{{button}}** (ou execute `/instagram link`) com a mesma conta e tudo volta a funcionar.',
    expired: 'o token expirou',
    refused: 'o Instagram não aceita mais o token',
    noFeedPaused: 'Seus comandos precisam dele.',
    feedsPaused_one: 'Um feed seu está pausado; seus comandos também precisam dele.',
    feedsPaused_many: '{{count}} feeds seus estão pausados; seus comandos também precisam dele.',
    feedsPaused_other: '{{count}} feeds seus estão pausados; seus comandos também precisam dele.',
    expiring_one:
      'O igcord não conseguiu renovar o token do Instagram de **{{account}}**, e ele expira em {{count}} dia ({{date}}). O igcord continua tentando; por garantia, toque em **{{button}}** (ou execute `/instagram link`).',
    expiring_many:
      'O igcord não conseguiu renovar o token do Instagram de **{{account}}**, e ele expira em {{count}} dias ({{date}}). O igcord continua tentando; por garantia, toque em **{{button}}** (ou execute `/instagram link`).',
    expiring_other:
      'O igcord não conseguiu renovar o token do Instagram de **{{account}}**, e ele expira em {{count}} dias ({{date}}). O igcord continua tentando; por garantia, toque em **{{button}}** (ou execute `/instagram link`).',
  },
};
