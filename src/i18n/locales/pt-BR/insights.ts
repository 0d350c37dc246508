// Brazilian Portuguese: /insights's replies (see en/insights.ts).
import type { insights as en } from '../en/insights.js';
import type { Translation } from '../translation.js';

export const insights: Translation<typeof en> = {
  invalidPost: '`publicacao` deve ser o id de uma publicação: os dígitos que o igcord mostra.',
  accountHeading: 'Estatísticas de @{{username}} no último dia:',
  postHeading: 'Estatísticas da publicação `{{postId}}`:',
  none: 'O Instagram ainda não informou nenhum número (eles podem chegar com até 48 horas de atraso).',
  notReported: 'não informado',
  metrics: {
    reach: 'alcance',
    views: 'visualizações',
    accountsEngaged: 'contas com engajamento',
    totalInteractions: 'interações totais',
    likes: 'curtidas',
    comments: 'comentários',
    saved: 'salvamentos',
    shares: 'compartilhamentos',
  },
};
