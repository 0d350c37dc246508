// Spanish: what every command shares (see en/common.ts, the source of truth).
import type { common as en } from '../en/common.js';

export const common: typeof en = {
  router: {
    done: 'Hecho.',
    commandGone: 'Este comando ya no está disponible. Puede que se haya quitado; inténtalo de nuevo en un minuto.',
    buttonGone: 'Este botón ya no está activo. Vuelve a ejecutar el comando.',
    unknownSubcommand: '/{{command}} {{subcommand}} ya no está disponible. Inténtalo de nuevo en un minuto.',
    invalidChoice: '`{{option}}` debe ser uno de: {{choices}}.',
  },
  buttons: {
    linkInstagram: 'Vincular Instagram',
    relinkInstagram: 'Volver a vincular Instagram',
  },
  errors: {
    notLinked: 'Todavía no has vinculado una cuenta de Instagram. Vincula una para usar este comando.',
    feedOwnerNotLinked: 'La persona dueña de este feed no tiene una cuenta de Instagram vinculada.',
    feedOwnerLinkBroken:
      'El vínculo de Instagram de la persona dueña de este feed dejó de funcionar; tiene que ejecutar /instagram link de nuevo.',
    backfillCount: 'Una recuperación admite de 1 a 10 posts.',
    postRefused: 'Discord no aceptó el post: {{reason}}',
    budgetExhausted:
      'Tu presupuesto de peticiones a Instagram se ha agotado por ahora. Se libera {{when}}; inténtalo entonces.',
    shuttingDown: 'El bot se está reiniciando. Inténtalo de nuevo en un minuto.',
    rateLimited: 'Instagram está limitando las peticiones de tu cuenta ahora mismo. Inténtalo en unos minutos.',
    rateLimitedUntil:
      'Instagram está limitando las peticiones de tu cuenta ahora mismo. Se libera {{when}}; inténtalo entonces.',
    scopeMissing:
      'Tu vínculo con Instagram no permite esto: necesita un permiso que no se concedió. Vuelve a vincular y concédelo.',
    scopeMissingNamed:
      'Tu vínculo con Instagram no permite esto: necesita el permiso "{{scope}}". Vuelve a vincular y concédelo.',
    tokenBroken:
      'Tu vínculo con Instagram ya no funciona (el acceso se revocó o caducó). Vuelve a vincular tu cuenta para continuar.',
    notFound: 'Instagram no encontró eso. Puede que se haya borrado, o que esta app no pueda verlo.',
    notAllowed: 'Instagram no permite eso: puede que la cuenta sea privada o que la etiqueta esté bloqueada.',
    commentRejected: 'Instagram rechazó el comentario: {{reason}}',
    invalidInput: 'Instagram rechazó la petición por no válida. Revisa las opciones que diste e inténtalo de nuevo.',
    unavailable: 'Instagram no está respondiendo bien ahora mismo. Inténtalo en unos minutos.',
    missingPermissions:
      'Me falta un permiso para eso en este canal. Pide a un admin del servidor que revise mi rol y los ajustes del canal.',
    internal:
      'Algo falló por nuestra parte. Si se repite, da a quien administra el bot este id de incidente: `{{incidentId}}`.',
  },
  pages: {
    post: '{{heading}} · post {{n}}',
    postOf: '{{heading}} · post {{n}} de {{total}}',
  },
  help: {
    title: 'Comandos de igcord',
    intro: 'Escribe `/` y el nombre de un comando para usarlo. `<opción>` es obligatoria, `[opción]` es opcional.',
    admins: ' (admins del servidor)',
    continued: '{{heading}} (continuación)',
    unavailableHeading: 'No disponible con esta API de Instagram',
  },
};
