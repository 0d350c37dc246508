// Brazilian Portuguese: the link flow's reply edits and browser pages (see en/link.ts).
import type { link as en } from '../en/link.js';

export const link: typeof en = {
  reply: {
    browserMismatchInstagram:
      'A vinculação não foi concluída: o Instagram devolveu o login para um navegador que não abriu o seu link, então nada foi vinculado. Use `/instagram link` e clique no botão você mesmo.',
    browserMismatchDiscord:
      'A vinculação não foi concluída: o Discord devolveu o login para um navegador que não abriu o seu link, então nada foi vinculado. Use `/instagram link` e clique no botão você mesmo.',
    cancelledInstagram:
      'A vinculação foi cancelada no Instagram; nada foi vinculado. Use `/instagram link` para tentar de novo.',
    cancelledDiscord:
      'A vinculação foi cancelada no Discord; nada foi vinculado. Use `/instagram link` para tentar de novo.',
    noCodeInstagram:
      'A vinculação não foi concluída (o Instagram não enviou nenhum código de login). Use `/instagram link` para tentar de novo.',
    noCodeDiscord:
      'A vinculação não foi concluída (o Discord não enviou nenhum código de login). Use `/instagram link` para tentar de novo.',
    refused: 'Nada foi vinculado: {{reason}}',
    failed: 'A vinculação falhou: {{reason}} Use `/instagram link` para tentar de novo.',
    discordUnconfirmed:
      'A vinculação falhou: o Discord não conseguiu confirmar quem abriu o link. Use `/instagram link` para tentar de novo.',
    otherUser:
      'Outra conta do Discord abriu o seu link, então nada foi vinculado. Os links só funcionam para quem usou `/instagram link`; use de novo para vincular a sua própria conta.',
  },
  page: {
    close: 'Você pode fechar esta aba e voltar para o Discord.',
    nothingLinked: 'Nada foi vinculado.',
    nothingLinkedRetry: 'Nada foi vinculado. Use /instagram link no Discord para tentar de novo.',
    invalidTitle: 'Este link não é válido',
    malformed:
      'O endereço está incompleto ou malformado. Nada foi vinculado. Use /instagram link no Discord para obter um novo link.',
    expiredTitle: 'Este link expirou',
    expired:
      'Os links do /instagram link funcionam por 10 minutos e só uma vez. Use /instagram link no Discord de novo para obter outro.',
    unknown: 'Ele expirou (os links funcionam por 10 minutos), já foi usado ou não veio do igcord. Nada foi vinculado.',
    getNewLink: 'Use /instagram link no Discord para obter um novo link.',
    mismatchTitle: 'Este login não começou neste navegador',
    mismatch:
      'O igcord só conclui uma vinculação no navegador que a abriu pela sua mensagem do /instagram link, e não foi este. Se alguém enviou este endereço para você, não use.',
    mismatchNext:
      'Nada foi vinculado e este link não funciona mais. Use /instagram link no Discord você mesmo e clique no botão neste navegador.',
    cancelledTitle: 'Você cancelou a vinculação',
    cancelledInstagram: 'Você escolheu não dar ao igcord acesso à sua conta do Instagram, então nada foi vinculado.',
    cancelledDiscord:
      'Você escolheu não confirmar a sua conta do Discord, então o igcord não seguiu para o Instagram e nada foi vinculado.',
    linkLater: 'Para vincular depois, use /instagram link no Discord de novo.',
    instagramErrorTitle: 'O Instagram não concluiu o login',
    instagramError:
      'O Instagram devolveu o navegador com um erro em vez de um código de login. Nada foi vinculado. Use /instagram link no Discord para tentar de novo.',
    discordErrorTitle: 'O Discord não concluiu o login',
    discordError:
      'O Discord devolveu o navegador com um erro em vez de um código de login. Nada foi vinculado. Use /instagram link no Discord para tentar de novo.',
    noCodeInstagramTitle: 'O Instagram não enviou nenhum código de login',
    noCodeDiscordTitle: 'O Discord não enviou nenhum código de login',
    refusedAccountTitle: 'Esta conta do Instagram não pode ser vinculada',
    rateLimitedTitle: 'O Instagram está ocupado',
    rateLimited: 'Muitos logins estão sendo concluídos agora; aguarde alguns minutos.',
    exchangeRefusedTitle: 'O Instagram recusou o código de login',
    exchangeRefused: 'O Instagram não aceitou o código de login (ele expira rápido e só funciona uma vez).',
    instagramUnavailableTitle: 'O Instagram não está respondendo',
    instagramUnavailable: 'O Instagram não respondeu direito ao concluir o login.',
    discordRefusedTitle: 'O Discord recusou o código de login',
    discordRefused: 'O Discord não aceitou o código de login (ele só funciona uma vez e expira rápido).',
    discordUnavailableTitle: 'O Discord não está respondendo',
    discordUnavailable: 'O igcord não conseguiu perguntar ao Discord quem fez login.',
    retryLater: 'Nada foi vinculado. Use /instagram link no Discord para tentar de novo em alguns minutos.',
    otherUserTitle: 'Este link foi criado para outra conta do Discord',
    otherUser:
      'Você está conectado ao Discord como {{name}}, mas este link foi criado por outra pessoa com /instagram link. Se alguém enviou o link para você, não use: isso daria a essa pessoa a sua conta do Instagram.',
    otherUserNext:
      'Nada foi vinculado e este link não funciona mais. Para vincular a sua própria conta do Instagram, use /instagram link você mesmo no Discord.',
    linkedTitle: '@{{username}} vinculada',
    linked: 'A conta do Instagram @{{username}} agora está vinculada a {{who}}.',
    whoNamed: 'o usuário do Discord {{name}} (ID de usuário {{id}})',
    whoUnnamed: 'sua conta do Discord (ID de usuário {{id}})',
    scopes:
      'O igcord pode usar: {{scopes}}. O token de acesso é guardado criptografado e só é usado para os seus próprios comandos e feeds.',
  },
  refusal: {
    thisAccount: 'Esta conta',
    personalAccount:
      '{{account}} é uma conta pessoal do Instagram; só contas profissionais (comercial ou de criador de conteúdo) podem ser vinculadas. Mude para uma conta profissional nas configurações do Instagram (é grátis) e vincule de novo.',
    notOnPages: 'Nenhuma das suas páginas do Facebook tem {{account}} vinculada como conta profissional do Instagram.',
    noneOnPages:
      'Nenhuma das suas páginas do Facebook tem uma conta profissional do Instagram vinculada. Mude a conta do Instagram para profissional (é grátis), vincule-a a uma página que você gerencia e vincule de novo.',
  },
};
