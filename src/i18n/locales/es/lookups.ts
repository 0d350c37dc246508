// Spanish: what the shared lookups say (see en/lookups.ts).
import type { lookups as en } from '../en/lookups.js';

export const lookups: typeof en = {
  linkBroken: 'Tu vínculo de Instagram con {{account}} ya no funciona. Vuelve a vincular tu cuenta para continuar.',
  linkBrokenBecause:
    'Tu vínculo de Instagram con {{account}} ya no funciona ({{reason}}). Vuelve a vincular tu cuenta para continuar.',
  notFound: {
    user: 'Instagram no encontró al usuario {{name}}. Puede que la cuenta se haya borrado o renombrado, o que esta app no pueda verla.',
    media:
      'Instagram no encontró el post {{name}}. Puede que se haya borrado, que el enlace esté mal escrito o que esta app no pueda verlo.',
    tag: 'Instagram no encontró la etiqueta {{name}}. Revisa cómo se escribe, o elige una de las sugerencias al escribir.',
    location: 'Instagram no encontró el lugar {{name}}. Revisa el id, o elige una de las sugerencias al escribir.',
  },
  notAllowed: {
    user: 'Instagram no permite eso para el usuario {{name}}: la cuenta es privada y no eres uno de sus seguidores aprobados.',
    media: 'Instagram no permite eso para el post {{name}}: puede que su cuenta sea privada.',
    tag: 'Instagram no permite eso para la etiqueta {{name}}: la etiqueta está bloqueada.',
    location: 'Instagram no permite eso para el lugar {{name}}: puede que el lugar esté restringido.',
  },
  noSuchUser:
    'Ninguna cuenta de Instagram se llama @{{username}}. Revisa cómo se escribe, o elige una de las sugerencias al escribir.',
  notAUsername:
    '`{{typed}}` no es un nombre de usuario de Instagram. Tienen hasta 30 letras, dígitos, puntos o guiones bajos, como `kenji.photo`.',
};
