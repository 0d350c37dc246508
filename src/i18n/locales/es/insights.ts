// Spanish: /insights's replies (see en/insights.ts).
import type { insights as en } from '../en/insights.js';
import type { Translation } from '../translation.js';

export const insights: Translation<typeof en> = {
  invalidPost: '`publicacion` debe ser el id de una publicación: los dígitos que muestra igcord.',
  accountHeading: 'Estadísticas de @{{username}} del último día:',
  postHeading: 'Estadísticas de la publicación `{{postId}}`:',
  none: 'Instagram aún no ha dado ninguna cifra (pueden llegar con hasta 48 horas de retraso).',
  notReported: 'sin datos',
  metrics: {
    reach: 'alcance',
    views: 'visualizaciones',
    accountsEngaged: 'cuentas que interactuaron',
    totalInteractions: 'interacciones totales',
    likes: 'me gusta',
    comments: 'comentarios',
    saved: 'guardados',
    shares: 'compartidos',
  },
};
