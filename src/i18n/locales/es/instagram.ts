// Spanish: /instagram's replies (see en/instagram.ts).
import type { instagram as en } from '../en/instagram.js';

export const instagram: typeof en = {
  promptsLimited:
    'Has pedido {{max}} enlaces de vinculación en un plazo de {{window}}. Puedes volver a pedir {{when}}; el último enlace que recibiste sigue funcionando hasta que caduque.',
  promptAuthorize:
    'Pulsa **Autorizar en Instagram**: Discord confirma primero que eres tú, luego inicia sesión en Instagram y permite a igcord. Cuando termines, este mensaje cambiará para decir qué cuenta se vinculó.',
  promptScopes:
    'igcord pide: {{scopes}}. El enlace funciona una vez, solo para ti, y caduca {{when}}. No lo compartas.',
  promptPaste: '¿Ya tienes un token de acceso (sandbox o flujo implícito)? Pulsa **Pegar un token**.',
  promptLinked: 'Estás vinculado a **{{account}}**; vincular de nuevo lo reemplaza.',
  promptLinkedBroken: 'Estás vinculado a **{{account}}** (el vínculo ya no funciona); vincular de nuevo lo reemplaza.',
  authorizeButton: 'Autorizar en Instagram',
  pasteButton: 'Pegar un token',
  linkedTo: 'Vinculado a **{{account}}** {{when}} · puede usar: {{scopes}}',
  buttonGone: 'Este botón ya no está activo. Vuelve a ejecutar `/instagram link`.',
  quota: {
    title: 'Presupuesto de Instagram de @{{username}}',
    windowMinutes: 'de {{n}} minutos',
    windowSeconds: 'de {{n}} segundos',
    used: '**{{used}}** de **{{limit}}** llamadas usadas en la ventana móvil {{window}}; quedan **{{remaining}}**.',
    paused: 'Instagram pidió a igcord que espere: las llamadas de esta cuenta se reanudan {{when}}.',
    now: 'Ahora: {{running}} en curso, {{waiting}} en espera.',
    bucket: { likes: 'Me gusta', comments: 'Comentarios', relationships: 'Relaciones' },
    bucketUsed: '{{used}} / {{limit}} usados',
    bucketFrees: 'se libera {{when}}',
    broken: 'Este vínculo ya no funciona: ejecuta /instagram link para volver a vincular.',
    shared: 'Los feeds y tus comandos comparten este presupuesto.',
    nothingCounted: 'No hay nada contado en la ventana actual.',
    usedUp: 'Agotado: la próxima llamada puede empezar {{when}}.',
    oldestLeaves: 'La llamada contada más antigua sale de la ventana {{when}}.',
  },
  token: {
    pageToken: 'Token: un token de página de Facebook, que no caduca.',
    notRenewed: 'aún no renovado (igcord lo renueva más o menos cada semana)',
    renewed: 'renovado por última vez {{when}}',
    validUntil: 'Token válido hasta {{date}} ({{when}}) · {{renewed}}',
    noUsage: 'Instagram aún no ha informado del uso de esta cuenta (lo hace cuando se han hecho suficientes llamadas).',
    usage:
      'Instagram informó por última vez de un **{{percent}} %** de uso de esta cuenta (el mayor entre llamadas, CPU y tiempo) {{when}}.',
    slots: 'Cupos de hashtags',
    slotsUnavailable: 'No disponible con Instagram Login (sin búsqueda de hashtags).',
    slotsUsed: '**{{used}}** de **{{limit}}** usados (hashtags únicos en 7 días móviles)',
    slotsNext: '{{used}}; el próximo se libera {{when}}.',
  },
};
