// Brazilian Portuguese: why an Instagram link stopped working, and a source Instagram refuses (see
// en/link-status.ts).
import type { linkStatus as en } from '../en/link-status.js';
import type { Translation } from '../translation.js';

export const linkStatus: Translation<typeof en> = {
  brokenExpired:
    'Seu vínculo do Instagram com {{account}} não funciona mais (o token expirou). Vincule sua conta de novo para continuar.',
  brokenRefused:
    'Seu vínculo do Instagram com {{account}} não funciona mais (o Instagram não aceita mais o token). Vincule sua conta de novo para continuar.',
  brokenRefusedSaying:
    'Seu vínculo do Instagram com {{account}} não funciona mais (o Instagram não aceita mais o token: "{{detail}}"). Vincule sua conta de novo para continuar.',
  usernameMoved: '{{account}} agora é o nome de outra conta do Instagram; o feed seguia a que tinha esse nome',
  usernameUnknown: 'nenhum feed tem mais o nome de usuário desta conta do Instagram',
};
