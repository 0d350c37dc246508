// Spanish: /instagram feeds (see en/instagram-feeds.ts).
import type { instagramFeeds as en } from '../en/instagram-feeds.js';
import type { Translation } from '../translation.js';

export const instagramFeeds: Translation<typeof en> = {
  none: 'Tu vínculo de Instagram no paga ningún feed en ningún servidor.',
  title: 'Feeds que paga tu vínculo de Instagram ({{n}})',
  fieldName: 'Feed `{{id}}`',
  where: 'Servidor **{{server}}** · {{channel}}',
  follows: 'Sigue {{source}}',
  source: {
    account: 'los posts de la cuenta de Instagram {{id}}',
    location: 'la ubicación {{id}}',
    stories: 'las historias de la cuenta de Instagram {{id}}',
    comments: 'los comentarios en los posts de la cuenta de Instagram {{id}}',
    mentions: 'las menciones de la cuenta de Instagram {{id}}',
  },
  footer:
    'Página {{page}} de {{pages}} · dejar de pagar pausa solo ese feed; se avisa a los administradores de su servidor.',
  stopButton: 'Dejar de pagar: {{id}}',
  previous: 'Anterior',
  next: 'Siguiente',
  buttonGone: 'Este botón ya no está activo. Vuelve a ejecutar `/instagram feeds`.',
  notPaying:
    'Tu vínculo de Instagram no paga ese feed (o ya no lo paga). Ejecuta `/instagram feeds` para ver los que sí paga.',
  alreadyPaused: 'Ya no pagas el feed `{{id}}`; ya estaba en pausa por eso.',
  stoppedTold: 'Ya no pagas el feed `{{id}}`: está en pausa y se avisó en su canal. Tus otros feeds siguen.',
  stoppedUntold:
    'Ya no pagas el feed `{{id}}`: está en pausa, pero no se pudo avisar en su canal. Tus otros feeds siguen.',
};
