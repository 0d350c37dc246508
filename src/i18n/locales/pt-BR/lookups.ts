// Brazilian Portuguese: what the shared lookups say (see en/lookups.ts).
import type { lookups as en } from '../en/lookups.js';

export const lookups: typeof en = {
  linkBroken: 'Seu vínculo do Instagram com {{account}} não funciona mais. Vincule sua conta de novo para continuar.',
  linkBrokenBecause:
    'Seu vínculo do Instagram com {{account}} não funciona mais ({{reason}}). Vincule sua conta de novo para continuar.',
  notFound: {
    user: 'O Instagram não encontrou o usuário {{name}}. A conta pode ter sido apagada ou renomeada, ou não está visível para este app.',
    media:
      'O Instagram não encontrou o post {{name}}. Pode ter sido apagado, o link pode estar errado, ou não está visível para este app.',
    tag: 'O Instagram não encontrou a tag {{name}}. Confira a grafia, ou escolha uma das sugestões ao digitar.',
    location: 'O Instagram não encontrou o local {{name}}. Confira o id, ou escolha uma das sugestões ao digitar.',
  },
  notAllowed: {
    user: 'O Instagram não permite isso para o usuário {{name}}: a conta é privada e você não é um dos seguidores aprovados.',
    media: 'O Instagram não permite isso para o post {{name}}: a conta pode ser privada.',
    tag: 'O Instagram não permite isso para a tag {{name}}: a tag está bloqueada.',
    location: 'O Instagram não permite isso para o local {{name}}: o lugar pode ser restrito.',
  },
  noSuchUser:
    'Nenhuma conta do Instagram se chama @{{username}}. Confira a grafia, ou escolha uma das sugestões ao digitar.',
  notAUsername:
    '`{{typed}}` não é um nome de usuário do Instagram. Nomes de usuário têm até 30 letras, dígitos, pontos ou sublinhados, como `kenji.photo`.',
};
