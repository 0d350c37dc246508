// Brazilian Portuguese: /instagram's replies (see en/instagram.ts).
import type { instagram as en } from '../en/instagram.js';

export const instagram: typeof en = {
  promptsLimited:
    'Você pediu {{max}} links de vinculação em um intervalo de {{window}}. Pode pedir de novo {{when}}; o último link que recebeu ainda funciona até expirar.',
  promptAuthorize:
    'Clique em **Autorizar no Instagram**: o Discord primeiro confirma que é você, depois entre no Instagram e permita o igcord. Quando terminar, esta mensagem muda para dizer qual conta foi vinculada.',
  promptScopes:
    'O igcord pede: {{scopes}}. O link funciona uma vez, só para você, e expira {{when}}. Não o compartilhe.',
  promptPaste: 'Já tem um token de acesso (sandbox ou fluxo implícito)? Clique em **Colar um token**.',
  promptLinked: 'Você está vinculado a **{{account}}**; vincular de novo substitui.',
  promptLinkedBroken:
    'Você está vinculado a **{{account}}** (o vínculo não funciona mais); vincular de novo substitui.',
  authorizeButton: 'Autorizar no Instagram',
  pasteButton: 'Colar um token',
  linkedTo: 'Vinculado a **{{account}}** {{when}} · pode usar: {{scopes}}',
  buttonGone: 'Este botão não está mais ativo. Execute `/instagram link` de novo.',
  quota: {
    title: 'Orçamento do Instagram de @{{username}}',
    windowMinutes: 'de {{n}} minutos',
    windowSeconds: 'de {{n}} segundos',
    used: '**{{used}}** de **{{limit}}** chamadas usadas na janela móvel {{window}}; restam **{{remaining}}**.',
    paused: 'O Instagram pediu ao igcord para esperar: as chamadas desta conta recomeçam {{when}}.',
    now: 'Agora: {{running}} em andamento, {{waiting}} aguardando.',
    bucket: { likes: 'Curtidas', comments: 'Comentários', relationships: 'Relações' },
    bucketUsed: '{{used}} / {{limit}} usados',
    bucketFrees: 'libera {{when}}',
    broken: 'Este vínculo não funciona mais: execute /instagram link para vincular de novo.',
    shared: 'Os feeds e seus comandos compartilham este orçamento.',
    nothingCounted: 'Nada é contado na janela atual.',
    usedUp: 'Esgotado: a próxima chamada pode começar {{when}}.',
    oldestLeaves: 'A chamada contada mais antiga sai da janela {{when}}.',
  },
  token: {
    pageToken: 'Token: um token de Página do Facebook, que não expira.',
    notRenewed: 'ainda não renovado (o igcord renova mais ou menos toda semana)',
    renewed: 'renovado pela última vez {{when}}',
    validUntil: 'Token válido até {{date}} ({{when}}) · {{renewed}}',
    noUsage: 'O Instagram ainda não informou o uso desta conta (ele informa quando chamadas suficientes foram feitas).',
    usage:
      'O Instagram informou por último **{{percent}} %** de uso desta conta (o maior entre chamadas, CPU e tempo) {{when}}.',
    slots: 'Vagas de hashtags',
    slotsUnavailable: 'Indisponível com o Instagram Login (sem busca de hashtags).',
    slotsUsed: '**{{used}}** de **{{limit}}** usadas (hashtags únicas em 7 dias móveis)',
    slotsNext: '{{used}}; a próxima libera {{when}}.',
  },
};
