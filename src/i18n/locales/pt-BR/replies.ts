// Brazilian Portuguese: the shared replies — refused options, pages, tags and places, pasting a token, unlinking,
// durations, what /help says a provider cannot do (see en/replies.ts).
import type { replies as en } from '../en/replies.js';
import type { Translation } from '../translation.js';

export const replies: Translation<typeof en> = {
  options: {
    refused: '`{{option}}` {{reason}}',
    notANumber: 'deve ser um número.',
    between: 'deve estar entre {{min}} e {{max}}.',
    wholeMetres: 'deve ser um número inteiro de metros.',
    distanceMin: 'deve estar entre 1 e {{max}} metros.',
    distanceMax: 'deve estar entre 1 e {{max}} metros (o Instagram busca no máximo a {{max}} m de um ponto).',
    tagEmpty: 'deve indicar uma tag, como sunset.',
    tagTooLong: 'deve ter no máximo {{max}} caracteres.',
    tagWord:
      'deve ser uma só palavra de letras, dígitos, _ ou emojis, sem espaços nem pontuação (por exemplo sunset ou new_york).',
    locationForms:
      'Escolha um local nas sugestões, ou informe um id numérico de local do Instagram, ou coordenadas como `60.1699, 24.9384`.',
    locationId: '`{{option}}` deve ser o id numérico de local do Instagram.',
  },
  scopes: {
    invalid: 'Essas permissões não são válidas. Escolha entre: {{scopes}} (separadas por espaços).',
  },
  post: {
    missing: 'Falta o post.',
    tooLong: 'Isso é longo demais para ser um link, um shortcode ou um id de post do Instagram.',
    notAPost: '"{{typed}}" não é um post do Instagram.',
    understood:
      'Informe o link de um post (https://www.instagram.com/p/…/), o shortcode dele (o que vem depois de /p/) ou um id de mídia como `1368346650868743235_1127977711`.',
  },
  pages: {
    previous: '◀ Anterior',
    next: 'Próxima ▶',
    page: 'Página {{n}}',
    pageOf: 'Página {{n}} de {{count}}',
    empty: 'Não há nada para mostrar.',
    badButton: 'Esse botão não passa nenhuma página.',
    onlyOwner: 'Só {{owner}} pode passar estas páginas.',
    expired: 'Estas páginas expiraram. Execute o comando de novo.',
    elsewhere:
      'Outro processo do igcord ainda está carregando o resto desta lista. Execute o comando de novo para ver mais.',
    placeEmpty: 'Não há posts recentes aqui que você possa ver.',
    placeEnd_one: 'Esse era o último post; há {{count}} no total.',
    placeEnd_many: 'Esse era o último post; há {{count}} no total.',
    placeEnd_other: 'Esse era o último post; há {{count}} no total.',
  },
  places: {
    posts: 'Posts',
    tagFooter: 'Instagram · tag',
    tagChoice_one: '#{{tag}} · {{posts}} post',
    tagChoice_many: '#{{tag}} · {{posts}} de posts',
    tagChoice_other: '#{{tag}} · {{posts}} posts',
    tagLine_one: '{{tag}} — {{posts}} post',
    tagLine_many: '{{tag}} — {{posts}} de posts',
    tagLine_other: '{{tag}} — {{posts}} posts',
    tagsMatching: 'Tags que combinam com #{{query}}',
    tagsFooter_one: 'Instagram · {{count}} tag',
    tagsFooter_many: 'Instagram · {{count}} de tags',
    tagsFooter_other: 'Instagram · {{count}} tags',
    location: 'Local {{id}}',
    locationLower: 'o local {{id}}',
    unnamed: 'Lugar sem nome',
    locationIdChoice: 'Id de local {{id}}',
    locationId: 'Id do local',
    coordinates: 'Coordenadas',
    address: 'Endereço',
    locationFooter: 'Instagram · local',
    within: 'Lugares a até {{radius}} m de {{point}}',
    placesFooter_one: 'Instagram · {{count}} lugar',
    placesFooter_many: 'Instagram · {{count}} de lugares',
    placesFooter_other: 'Instagram · {{count}} lugares',
    nothingNear: 'O Instagram não conhece nenhum local a até {{radius}} m de {{point}}.',
    nothingNearTry:
      'O Instagram não conhece nenhum local a até {{radius}} m de {{point}}. Tente `/location search` com uma distância maior.',
    noNameSearch: 'O Instagram não consegue encontrar um lugar só pelo nome.',
    noneNamedNear: 'Nenhum lugar com esse nome fica perto de {{point}}, onde você buscou por último.',
    howToPick:
      'Digite coordenadas como `60.1699, 24.9384` em `location` e escolha um lugar nas sugestões, ou informe o id numérico do local.',
  },
  duration: {
    hours_one: 'uma hora',
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
    title: 'Colar um token de acesso do Instagram',
    tokenLabel: 'Token de acesso',
    scopesLabel: 'Permissões concedidas a este token',
    malformed: 'Isso não parece um token de acesso do Instagram. Nada foi vinculado.',
    limited:
      'Você colou {{max}} tokens em um intervalo de {{window}}. Você poderá colar de novo {{when}}. Nada foi vinculado.',
    rejected: 'O Instagram não aceitou esse token: ele é inválido, foi revogado ou expirou. Nada foi vinculado.',
    budget:
      'O igcord não consegue verificar tokens colados agora: muitos foram verificados em um intervalo de {{window}}. Tente de novo {{when}}, ou clique em **Autorizar no Instagram** em `/instagram link`, que continua funcionando. Nada foi vinculado.',
  },
  linked: {
    done: 'A conta do Instagram **{{account}}** foi vinculada à sua conta do Discord.{{resumed}} Experimente `/instagram me`.',
    resumed_one: ' Um feed pausado desta conta foi retomado.',
    resumed_many: ' {{count}} de feeds pausados desta conta foram retomados.',
    resumed_other: ' {{count}} feeds pausados desta conta foram retomados.',
    leftBehind_one:
      '⚠️ **{{old}} não está mais vinculada**, e um feed foi configurado com ela. Ele fica pausado até você vincular {{old}} de novo ou movê-lo para {{account}}:',
    leftBehind_many:
      '⚠️ **{{old}} não está mais vinculada**, e {{count}} de feeds foram configurados com ela. Eles ficam pausados até você vincular {{old}} de novo ou movê-los para {{account}}:',
    leftBehind_other:
      '⚠️ **{{old}} não está mais vinculada**, e {{count}} feeds foram configurados com ela. Eles ficam pausados até você vincular {{old}} de novo ou movê-los para {{account}}:',
    feedLine: '• feed `{{id}}` em {{channel}}',
    moreFeeds: '…e mais {{count}} (veja /feed list).',
    moveButton: 'Mover para {{account}}: {{id}}',
  },
  unlink: {
    nothingLinked: 'Você não tem nenhuma conta do Instagram vinculada, então não há nada para desvincular.',
    confirm: 'Desvincular',
    cancel: 'Cancelar',
    ask: 'Desvincular a conta do Instagram **{{account}}**? O igcord apaga o token de acesso dela.',
    askFeeds_one:
      'Desvincular a conta do Instagram **{{account}}**? O igcord apaga o token de acesso dela, e o feed ativo que ela paga fica pausado até você vinculá-la de novo.',
    askFeeds_many:
      'Desvincular a conta do Instagram **{{account}}**? O igcord apaga o token de acesso dela, e os {{count}} de feeds ativos que ela paga ficam pausados até você vinculá-la de novo.',
    askFeeds_other:
      'Desvincular a conta do Instagram **{{account}}**? O igcord apaga o token de acesso dela, e os {{count}} feeds ativos que ela paga ficam pausados até você vinculá-la de novo.',
    cancelled: 'Cancelado; sua conta do Instagram continua vinculada.',
    done: 'A conta do Instagram **{{account}}** foi desvinculada. O igcord apagou o token de acesso dela.',
    noFeeds: 'Você não tem feeds ativos, então nenhum canal é afetado.',
    paused_one: 'Um feed seu agora está pausado, e será retomado quando você vincular {{account}} de novo:',
    paused_many:
      '{{count}} de feeds seus agora estão pausados, e serão retomados quando você vincular {{account}} de novo:',
    paused_other:
      '{{count}} feeds seus agora estão pausados, e serão retomados quando você vincular {{account}} de novo:',
    feedLine: '• {{source}} em {{channel}} (feed `{{id}}`)',
    more: '…e mais {{count}}.',
    source: {
      account: 'posts de {{account}}',
      location: 'local {{id}}',
      stories: 'stories de {{account}}',
      comments: 'comentários nos posts de {{account}}',
      mentions: 'menções a {{account}}',
    },
  },
  help: {
    line: '{{commands}} — {{api}} não tem {{lack}}.',
    api: { v1: 'a Platform API v1 do Instagram', graph: 'a API atual do Instagram' },
  },
};
