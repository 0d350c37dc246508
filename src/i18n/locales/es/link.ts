// Spanish: the link flow's reply edits and browser pages (see en/link.ts).
import type { link as en } from '../en/link.js';

export const link: typeof en = {
  reply: {
    browserMismatchInstagram:
      'La vinculación no se completó: Instagram devolvió el inicio de sesión a un navegador que no abrió tu enlace, así que no se vinculó nada. Ejecuta `/instagram link` y usa su botón tú mismo.',
    browserMismatchDiscord:
      'La vinculación no se completó: Discord devolvió el inicio de sesión a un navegador que no abrió tu enlace, así que no se vinculó nada. Ejecuta `/instagram link` y usa su botón tú mismo.',
    cancelledInstagram:
      'Se canceló la vinculación en Instagram; no se vinculó nada. Ejecuta `/instagram link` para intentarlo de nuevo.',
    cancelledDiscord:
      'Se canceló la vinculación en Discord; no se vinculó nada. Ejecuta `/instagram link` para intentarlo de nuevo.',
    noCodeInstagram:
      'La vinculación no se completó (Instagram no envió ningún código de inicio de sesión). Ejecuta `/instagram link` para intentarlo de nuevo.',
    noCodeDiscord:
      'La vinculación no se completó (Discord no envió ningún código de inicio de sesión). Ejecuta `/instagram link` para intentarlo de nuevo.',
    refused: 'No se vinculó nada: {{reason}}',
    failed: 'La vinculación falló: {{reason}} Ejecuta `/instagram link` para intentarlo de nuevo.',
    discordUnconfirmed:
      'La vinculación falló: Discord no pudo confirmar quién abrió el enlace. Ejecuta `/instagram link` para intentarlo de nuevo.',
    otherUser:
      'Otra cuenta de Discord abrió tu enlace, así que no se vinculó nada. Los enlaces solo funcionan para quien ejecutó `/instagram link`; vuelve a ejecutarlo para vincular tu propia cuenta.',
  },
  page: {
    close: 'Puedes cerrar esta pestaña y volver a Discord.',
    nothingLinked: 'No se vinculó nada.',
    nothingLinkedRetry: 'No se vinculó nada. Ejecuta /instagram link en Discord para intentarlo de nuevo.',
    invalidTitle: 'Este enlace no es válido',
    malformed:
      'La dirección está incompleta o mal formada. No se vinculó nada. Ejecuta /instagram link en Discord para obtener un enlace nuevo.',
    expiredTitle: 'Este enlace ha caducado',
    expired:
      'Los enlaces de /instagram link funcionan durante 10 minutos y una sola vez. Vuelve a ejecutar /instagram link en Discord para obtener uno nuevo.',
    unknown:
      'Ha caducado (los enlaces funcionan durante 10 minutos), ya se usó o no lo generó igcord. No se vinculó nada.',
    getNewLink: 'Ejecuta /instagram link en Discord para obtener un enlace nuevo.',
    mismatchTitle: 'Este inicio de sesión no empezó en este navegador',
    mismatch:
      'igcord solo completa una vinculación en el navegador que la abrió desde tu mensaje de /instagram link, y no fue este. Si alguien te envió esta dirección, no la uses.',
    mismatchNext:
      'No se vinculó nada y este enlace ya no funciona. Ejecuta tú mismo /instagram link en Discord y usa su botón en este navegador.',
    cancelledTitle: 'Cancelaste la vinculación',
    cancelledInstagram: 'Decidiste no dar a igcord acceso a tu cuenta de Instagram, así que no se vinculó nada.',
    cancelledDiscord:
      'Decidiste no confirmar tu cuenta de Discord, así que igcord no continuó a Instagram y no se vinculó nada.',
    linkLater: 'Para vincular más tarde, vuelve a ejecutar /instagram link en Discord.',
    instagramErrorTitle: 'Instagram no completó el inicio de sesión',
    instagramError:
      'Instagram devolvió el navegador con un error en lugar de un código de inicio de sesión. No se vinculó nada. Ejecuta /instagram link en Discord para intentarlo de nuevo.',
    discordErrorTitle: 'Discord no completó el inicio de sesión',
    discordError:
      'Discord devolvió el navegador con un error en lugar de un código de inicio de sesión. No se vinculó nada. Ejecuta /instagram link en Discord para intentarlo de nuevo.',
    noCodeInstagramTitle: 'Instagram no envió ningún código de inicio de sesión',
    noCodeDiscordTitle: 'Discord no envió ningún código de inicio de sesión',
    refusedAccountTitle: 'Esta cuenta de Instagram no se puede vincular',
    rateLimitedTitle: 'Instagram está ocupado',
    rateLimited: 'Se están completando demasiados inicios de sesión en este momento; espera unos minutos.',
    exchangeRefusedTitle: 'Instagram rechazó el código de inicio de sesión',
    exchangeRefused: 'Instagram no aceptó el código de inicio de sesión (caduca enseguida y solo funciona una vez).',
    instagramUnavailableTitle: 'Instagram no responde',
    instagramUnavailable: 'Instagram no respondió correctamente al completar el inicio de sesión.',
    discordRefusedTitle: 'Discord rechazó el código de inicio de sesión',
    discordRefused: 'Discord no aceptó el código de inicio de sesión (solo funciona una vez y caduca enseguida).',
    discordUnavailableTitle: 'Discord no responde',
    discordUnavailable: 'igcord no pudo preguntar a Discord quién inició sesión.',
    retryLater: 'No se vinculó nada. Ejecuta /instagram link en Discord para intentarlo de nuevo en unos minutos.',
    otherUserTitle: 'Este enlace se hizo para otra cuenta de Discord',
    otherUser:
      'Has iniciado sesión en Discord como {{name}}, pero otra persona generó este enlace con /instagram link. Si alguien te lo envió, no lo uses: le daría tu cuenta de Instagram.',
    otherUserNext:
      'No se vinculó nada y este enlace ya no funciona. Para vincular tu propia cuenta de Instagram, ejecuta tú mismo /instagram link en Discord.',
    linkedTitle: '@{{username}} vinculada',
    linked: 'La cuenta de Instagram @{{username}} ahora está vinculada a {{who}}.',
    whoNamed: 'el usuario de Discord {{name}} (ID de usuario {{id}})',
    whoUnnamed: 'tu cuenta de Discord (ID de usuario {{id}})',
    scopes:
      'igcord puede usar: {{scopes}}. El token de acceso se guarda cifrado y solo se usa para tus propios comandos y feeds.',
  },
  refusal: {
    thisAccount: 'Esta cuenta',
    personalAccount:
      '{{account}} es una cuenta personal de Instagram; solo se pueden vincular cuentas profesionales (de empresa o de creador). Cámbiala a cuenta profesional en la configuración de Instagram (es gratis) y vuelve a vincularla.',
    notOnPages: 'Ninguna de tus páginas de Facebook tiene {{account}} vinculada como cuenta profesional de Instagram.',
    noneOnPages:
      'Ninguna de tus páginas de Facebook tiene vinculada una cuenta profesional de Instagram. Cambia la cuenta de Instagram a profesional (es gratis), vincúlala a una página que administres y vuelve a vincularla.',
  },
};
