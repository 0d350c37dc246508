// Brazilian Portuguese: what every command shares (see en/common.ts, the source of truth).
import type { common as en } from '../en/common.js';

export const common: typeof en = {
  router: {
    done: 'Pronto.',
    commandGone: 'Este comando não está mais disponível. Pode ter sido removido; tente de novo em um minuto.',
    buttonGone: 'Este botão não está mais ativo. Execute o comando de novo.',
    unknownSubcommand: '/{{command}} {{subcommand}} não está mais disponível. Tente de novo em um minuto.',
    invalidChoice: '`{{option}}` deve ser um destes: {{choices}}.',
  },
  buttons: {
    linkInstagram: 'Vincular Instagram',
    relinkInstagram: 'Vincular Instagram de novo',
  },
  errors: {
    notLinked: 'Você ainda não vinculou uma conta do Instagram. Vincule uma para usar este comando.',
    feedOwnerNotLinked: 'O dono deste feed não tem uma conta do Instagram vinculada.',
    feedOwnerLinkBroken:
      'O vínculo do Instagram do dono deste feed parou de funcionar; o dono precisa executar /instagram link de novo.',
    backfillCount: 'Uma recuperação aceita de 1 a 10 posts.',
    postRefused: 'O Discord não aceitou o post: {{reason}}',
    budgetExhausted:
      'Seu orçamento de requisições ao Instagram acabou por enquanto. Ele libera {{when}}; tente de novo então.',
    shuttingDown: 'O bot está reiniciando. Tente de novo em um minuto.',
    rateLimited: 'O Instagram está limitando as requisições da sua conta agora. Tente de novo em alguns minutos.',
    rateLimitedUntil:
      'O Instagram está limitando as requisições da sua conta agora. Ele libera {{when}}; tente de novo então.',
    scopeMissing:
      'Seu vínculo com o Instagram não permite isso: precisa de uma permissão que não foi concedida. Vincule de novo e conceda.',
    scopeMissingNamed:
      'Seu vínculo com o Instagram não permite isso: precisa da permissão "{{scope}}". Vincule de novo e conceda.',
    tokenBroken:
      'Seu vínculo com o Instagram não funciona mais (o acesso foi revogado ou expirou). Vincule sua conta de novo para continuar.',
    notFound: 'O Instagram não encontrou isso. Pode ter sido apagado, ou não está visível para este app.',
    notAllowed: 'O Instagram não permite isso: a conta pode ser privada, ou a tag pode estar bloqueada.',
    commentRejected: 'O Instagram recusou o comentário: {{reason}}',
    invalidInput: 'O Instagram recusou a requisição como inválida. Confira as opções que você deu e tente de novo.',
    unavailable: 'O Instagram não está respondendo direito agora. Tente de novo em alguns minutos.',
    missingPermissions:
      'Está me faltando uma permissão para isso neste canal. Peça a um admin do servidor para verificar meu cargo e as configurações do canal.',
    internal:
      'Algo deu errado do nosso lado. Se continuar acontecendo, passe ao admin do bot este id de incidente: `{{incidentId}}`.',
  },
  pages: {
    post: '{{heading}} · post {{n}}',
    postOf: '{{heading}} · post {{n}} de {{total}}',
  },
  help: {
    title: 'Comandos do igcord',
    intro: 'Digite `/` e o nome de um comando para usá-lo. `<opção>` é obrigatória, `[opção]` é opcional.',
    admins: ' (admins do servidor)',
    continued: '{{heading}} (continuação)',
    unavailableHeading: 'Indisponível com esta API do Instagram',
  },
};
