// Brazilian Portuguese: /follows's replies (see en/follows.ts). Command names are the Portuguese ones the client
// shows (pt-BR/definitions.ts); plural keys carry every form Portuguese has.
import type { follows as en } from '../en/follows.js';
import type { Translation } from '../translation.js';

export const follows: Translation<typeof en> = {
  lists: {
    following: { title: 'Contas que você segue', empty: 'Você ainda não segue ninguém.' },
    followers: { title: 'Seus seguidores', empty: 'Ninguém segue você ainda.' },
    requests: { title: 'Solicitações para seguir pendentes', empty: 'Ninguém está esperando sua aprovação.' },
  },
  more_one: 'O Instagram tem mais do que a {{count}} conta mostrada aqui.',
  more_many: 'O Instagram tem mais do que os {{count}} de contas mostradas aqui.',
  more_other: 'O Instagram tem mais do que as {{count}} contas mostradas aqui.',
  noRequest: '{{user}} não pediu para seguir você (ou a solicitação já foi respondida). Veja `/relacoes solicitacoes`.',
  ownAccount: 'Essa é a sua própria conta do Instagram.',
  relationship: {
    follows: 'Você segue {{user}}.',
    requested: 'Você pediu para seguir {{user}}; a solicitação está pendente.',
    none: 'Você não segue {{user}}.',
    followedBy: '{{user}} segue você.',
    requestedBy: '{{user}} pediu para seguir você: responda com `/relacoes aprovar` ou `/relacoes ignorar`.',
    notFollowedBy: '{{user}} não segue você.',
    private: 'A conta de {{user}} é privada.',
  },
  action: {
    requestSent: 'A conta de {{user}} é privada: sua solicitação para seguir foi enviada e aguarda aprovação.',
    followed: 'Agora você segue {{user}}.',
    notRecorded: 'O Instagram não registrou que você segue {{user}}.',
    withdrawn: 'Solicitação retirada: você não pede mais para seguir {{user}}.',
    notFollowing: 'Você não seguia {{user}}; nada mudou.',
    unfollowed: 'Você não segue mais {{user}}.',
    approved: 'Você aprovou a solicitação de {{user}}: agora essa pessoa segue você.',
    ignored: 'Você ignorou a solicitação de {{user}} para seguir você.',
  },
};
