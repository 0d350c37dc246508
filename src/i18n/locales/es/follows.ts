// Spanish: /follows's replies (see en/follows.ts). Command names are the Spanish ones the client shows
// (es/definitions.ts); plural keys carry every form Spanish has.
import type { follows as en } from '../en/follows.js';
import type { Translation } from '../translation.js';

export const follows: Translation<typeof en> = {
  lists: {
    following: { title: 'Cuentas que sigues', empty: 'Aún no sigues a nadie.' },
    followers: { title: 'Tus seguidores', empty: 'Aún no te sigue nadie.' },
    requests: { title: 'Solicitudes de seguimiento pendientes', empty: 'Nadie está esperando tu aprobación.' },
  },
  more_one: 'Instagram tiene más de la {{count}} cuenta que se muestra aquí.',
  more_many: 'Instagram tiene más de las {{count}} de cuentas que se muestran aquí.',
  more_other: 'Instagram tiene más de las {{count}} cuentas que se muestran aquí.',
  noRequest: '{{user}} no ha pedido seguirte (o la solicitud ya fue respondida). Mira `/seguidos solicitudes`.',
  ownAccount: 'Esa es tu propia cuenta de Instagram.',
  relationship: {
    follows: 'Sigues a {{user}}.',
    requested: 'Pediste seguir a {{user}}; la solicitud está pendiente.',
    none: 'No sigues a {{user}}.',
    followedBy: '{{user}} te sigue.',
    requestedBy: '{{user}} pidió seguirte: responde con `/seguidos aprobar` o `/seguidos ignorar`.',
    notFollowedBy: '{{user}} no te sigue.',
    private: 'La cuenta de {{user}} es privada.',
  },
  action: {
    requestSent: 'La cuenta de {{user}} es privada: tu solicitud de seguimiento se envió y espera su aprobación.',
    followed: 'Ahora sigues a {{user}}.',
    notRecorded: 'Instagram no registró que sigas a {{user}}.',
    withdrawn: 'Solicitud retirada: ya no pides seguir a {{user}}.',
    notFollowing: 'No seguías a {{user}}; no ha cambiado nada.',
    unfollowed: 'Ya no sigues a {{user}}.',
    approved: 'Aprobaste la solicitud de {{user}}: ahora te sigue.',
    ignored: 'Ignoraste la solicitud de {{user}} para seguirte.',
  },
};
