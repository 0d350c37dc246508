// Spanish: why an Instagram link stopped working, and a source Instagram refuses (see en/link-status.ts).
import type { linkStatus as en } from '../en/link-status.js';
import type { Translation } from '../translation.js';

export const linkStatus: Translation<typeof en> = {
  brokenExpired:
    'Tu vínculo de Instagram con {{account}} ya no funciona (su token caducó). Vuelve a vincular tu cuenta para continuar.',
  brokenRefused:
    'Tu vínculo de Instagram con {{account}} ya no funciona (Instagram ya no acepta su token). Vuelve a vincular tu cuenta para continuar.',
  brokenRefusedSaying:
    'Tu vínculo de Instagram con {{account}} ya no funciona (Instagram ya no acepta su token: "{{detail}}"). Vuelve a vincular tu cuenta para continuar.',
  usernameMoved: '{{account}} ahora es el nombre de otra cuenta de Instagram; el feed seguía a la que tenía ese nombre',
  usernameUnknown: 'ningún feed tiene ya el nombre de usuario de esta cuenta de Instagram',
};
