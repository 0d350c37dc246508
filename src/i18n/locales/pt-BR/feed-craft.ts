// Brazilian Portuguese: how a feed's posts are crafted and explained (see en/feed-craft.ts).
import type { feedCraft as en } from '../en/feed-craft.js';
import type { Translation } from '../translation.js';

export const feedCraft: Translation<typeof en> = {
  template: {
    reset: 'O feed `{{id}}` volta a publicar com o layout padrão.',
    previewHeader: 'Prévia do feed `{{id}}` com o post mais recente da origem (só você vê isto):',
    draftHeader: 'Prévia do novo modelo do feed `{{id}}` com o post mais recente da origem. Salvar?',
    noPost: 'A origem ainda não tem nenhum post para mostrar.',
    refused: 'O modelo do feed `{{id}}` não foi salvo:\n{{problems}}',
    saveButton: 'Salvar',
    cancelButton: 'Cancelar',
    onlyAuthor: 'Só o admin que escreveu este modelo pode salvá-lo.',
    cancelled: 'Cancelado: o modelo não foi salvo.',
    expired: 'Esta prévia expirou ou já foi respondida. Execute /feed template de novo.',
    saved: 'Salvo: os novos posts do feed `{{id}}` usam este modelo.',
  },
  modal: {
    title: 'Modelo do feed {{id}}',
    content: 'Texto da mensagem',
    contentPlaceholder: 'Novo post de {author}: {permalink}',
    embedTitle: 'Título do embed',
    description: 'Descrição do embed',
    footer: 'Rodapé do embed',
    footerPlaceholder: 'Instagram · {time}',
    more: 'Autor, cor, imagem, botão',
  },
  problem: {
    badColour: '`{{value}}` não é uma cor: escreva como #RRGGBB (ex.: #E1306C) ou none.',
    badImage: '`image: {{value}}` deve ser first, all (uma galeria) ou none.',
    badButton: '`button: {{value}}` deve ser on ou off.',
    notSetting: '`{{line}}` não é uma configuração: a última caixa aceita linhas author:, colour:, image: e button:.',
    unknownPlaceholder: 'Marcador desconhecido `{{placeholder}}` {{part}}. Marcadores disponíveis: {{known}}.',
    tooLong:
      '{{part}} pode chegar a {{length}} caracteres com o post mais longo possível (o Discord permite {{limit}}).',
    embedTooLong:
      'Título, descrição, autor e rodapé juntos podem chegar a {{length}} caracteres com o post mais longo possível (o Discord permite {{limit}} no total).',
    empty: 'O modelo não mostra nada: preencha pelo menos uma parte ou mostre uma imagem.',
  },
  partIn: {
    content: 'no texto da mensagem',
    title: 'no título',
    description: 'na descrição',
    author: 'no autor',
    footer: 'no rodapé',
  },
  partSubject: {
    content: 'O texto da mensagem',
    title: 'O título',
    description: 'A descrição',
    author: 'O autor',
    footer: 'O rodapé',
  },
  timeLocale: 'pt-BR',
  openButton: 'Abrir no Instagram',
  settings: {
    badZone:
      '`{{zone}}` não é um fuso horário: use um nome IANA como America/Sao_Paulo ou Europe/Lisbon. Nada foi alterado.',
    badFormat: 'O formato de hora é um destes: {{formats}}.',
    saved:
      'Os modelos de feed deste servidor escrevem os horários em {{zone}}, no estilo {{format}}: agora é "{{example}}".',
    format: { short: 'curto', medium: 'médio', long: 'longo', full: 'completo' },
  },
  filter: {
    semantics:
      'Um post passa quando, em cada campo que tem regras de incluir, corresponde a pelo menos uma delas, e não corresponde a nenhuma regra de excluir. Palavras-chave e expressões regulares leem a legenda e o nome do local, sem diferenciar maiúsculas. Um post retido é registrado como filtrado (veja /feed why) e nunca é publicado.',
    none: 'Nenhuma regra: todo post é publicado.',
    rule: 'Regra {{n}}: {{rule}}',
    refused: 'A regra não foi salva. {{reason}}',
    duplicate: 'A regra não foi salva: o feed `{{id}}` já a tem.',
    full: 'A regra não foi salva: o feed `{{id}}` já tem {{max}} regras, o máximo por feed.',
    gone: 'O feed `{{id}}` foi removido nesse meio-tempo.',
    noRule: 'O feed `{{id}}` não tem a regra {{n}}. Execute /feed filter list para ver as regras dele.',
    added: '{{semantics}}\n\nO feed `{{id}}` agora filtra com:\n{{rules}}',
    removed: '{{rule}} foi removida do feed `{{id}}`. As regras dele agora:\n{{rules}}',
    list: '{{semantics}}\n\nFiltros do feed `{{id}}`:\n{{rules}}',
  },
  rule: {
    words: '{{mode}} {{field}} {{value}}',
    noneMatched: 'regras de {{mode}} {{field}} (nenhuma correspondeu)',
    mode: { include: 'incluir', exclude: 'excluir' },
    field: {
      hashtag: 'hashtag',
      keyword: 'palavra-chave',
      regex: 'expressão regular',
      kind: 'tipo',
      author: 'autor',
    },
  },
  refusal: {
    empty: 'O valor está vazio.',
    hashtag: '`{{typed}}` não é uma hashtag: só letras, dígitos e _, até {{max}}.',
    keywordLength: 'Uma palavra-chave tem no máximo {{max}} caracteres.',
    regexLength: 'Uma expressão regular tem no máximo {{max}} caracteres.',
    regex: 'Expressão regular inválida: {{error}}',
    kind: 'O tipo é um destes: {{kinds}}.',
    authorOnAccount: 'Regras de autor são para feeds de tag e de local: um feed de conta tem um só autor.',
    username: '`{{typed}}` não é um nome de usuário do Instagram.',
  },
  why: {
    notPost:
      '"{{typed}}" não é um post do Instagram. Informe o link de um post (https://www.instagram.com/p/…/) ou um id de mídia como `1368346650868743235_1127977711`.',
    unreadable:
      'O igcord precisa de uma conta do Instagram vinculada para ler esse post: vincule a sua com /instagram link, ou informe o id da mídia.',
    thisPost: 'o post de {{author}}',
    media: 'a mídia `{{id}}`',
    noFeedFollows: 'Nenhum feed deste servidor segue a conta, as tags ou o local que {{what}} tem.',
    noFeedRecord:
      'Nenhum feed deste servidor registrou {{what}}. Informe o link do post para ver quais feeds poderiam publicá-lo.',
    header: 'O que aconteceu com {{what}}:',
    line: '• Feed `{{id}}` em {{channel}}: {{outcome}}',
    delivered: 'publicado {{when}}: {{link}}',
    filtered: 'filtrado por {{rule}} {{when}}; não será publicado.',
    digestWaiting: 'aguardando o resumo: vai no resumo previsto para {{at}} ({{when}}).',
    nextChecked: 'será verificada {{when}}',
    beingRead: 'está sendo lida agora',
    notScheduled: 'não está agendada neste processo',
    stoppedOverBudget:
      ' A última leitura parou antes do fim: sem orçamento (o orçamento do Instagram de quem paga é liberado {{when}}).',
    stopped: ' A última leitura parou antes do fim: {{reason}}',
    failed: 'falhou: {{reason}}. Será publicado se o feed for retomado.',
    discordRefused: 'o Discord recusou',
    pausedWaiting: 'pausado ({{reason}}); o post aguarda para ser publicado quando o feed for retomado.',
    waiting: 'aguardando publicação (a última tentativa falhou, ou é o próximo da fila); a origem {{next}}.',
    overBudget: 'sem orçamento: {{reason}} A origem {{next}}.',
    paused: 'pausado: {{reason}}',
    disabled: 'desativado: {{reason}}',
    noRecord: 'nenhum registro desta mídia no feed.',
    notSeen: 'ainda não visto: a origem {{next}}.{{stopped}}',
    beforeFeed: 'publicado no Instagram antes de este feed ser adicionado.',
    pastRecords: 'sem registro: o feed guarda os registros dos últimos 200 posts, e este não está entre eles.',
  },
  digest: {
    badTime:
      '`{{typed}}` não é um horário do dia: informe `digest-time` como HH:MM (de 00:00 a 23:59), no fuso horário do servidor. Nada foi alterado.',
    timeNeeded:
      'Um resumo diário precisa do horário: adicione `digest-time` como HH:MM (fuso horário do servidor). Nada foi alterado.',
    timeWithout:
      '`digest-time` define o horário de um resumo diário: adicione `digest:daily` (o feed `{{id}}` não é diário). Nada foi alterado.',
    forum:
      'Um feed de fórum cria um tópico por post e não pode publicar resumos: mova-o antes para um canal de texto. Nada foi alterado.',
    now: ' Ele publica {{schedule}}.',
    waiting: ' Os posts já reunidos ainda saem no resumo que aguardam.',
    perPost: 'uma mensagem por post',
    hourly: 'um resumo por hora ({{zone}})',
    daily: 'um resumo diário às {{at}} ({{zone}})',
  },
};
