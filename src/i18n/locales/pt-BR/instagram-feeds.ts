// Brazilian Portuguese: /instagram feeds (see en/instagram-feeds.ts).
import type { instagramFeeds as en } from '../en/instagram-feeds.js';
import type { Translation } from '../translation.js';

export const instagramFeeds: Translation<typeof en> = {
  none: 'Seu vínculo do Instagram não paga nenhum feed em nenhum servidor.',
  title: 'Feeds que seu vínculo do Instagram paga ({{n}})',
  fieldName: 'Feed `{{id}}`',
  where: 'Servidor **{{server}}** · {{channel}}',
  follows: 'Segue {{source}}',
  source: {
    account: 'os posts da conta do Instagram {{id}}',
    location: 'o local {{id}}',
    stories: 'os stories da conta do Instagram {{id}}',
    comments: 'os comentários nos posts da conta do Instagram {{id}}',
    mentions: 'as menções à conta do Instagram {{id}}',
  },
  footer:
    'Página {{page}} de {{pages}} · deixar de pagar pausa só esse feed; os administradores do servidor dele são avisados.',
  stopButton: 'Deixar de pagar: {{id}}',
  previous: 'Anterior',
  next: 'Próxima',
  buttonGone: 'Este botão não está mais ativo. Execute `/instagram feeds` de novo.',
  notPaying: 'Seu vínculo do Instagram não paga (mais) esse feed. Execute `/instagram feeds` para ver os que ele paga.',
  alreadyPaused: 'Você não paga mais o feed `{{id}}`; ele já estava pausado por isso.',
  stoppedTold:
    'Você não paga mais o feed `{{id}}`: ele está pausado, e o canal dele foi avisado. Seus outros feeds continuam.',
  stoppedUntold:
    'Você não paga mais o feed `{{id}}`: ele está pausado, mas não foi possível avisar o canal dele. Seus outros feeds continuam.',
};
