// Routes the client calls around login: where the gateway is, who the bot is, which application it belongs to.
import type { APIApplication, ApplicationFlags, APIGatewayBotInfo } from 'discord-api-types/v10';
import { currentUser, type FakeOAuth2 } from '../oauth2.js';
import type { RestRouter } from '../rest.js';
import type { FakeState } from '../state.js';

export function addSessionRoutes(
  router: RestRouter,
  state: FakeState,
  gatewayUrl: () => string,
  oauth2: FakeOAuth2,
  botToken: string,
  recommendedShards: number,
): void {
  router.add('GET', '/gateway/bot', 'bot', () => {
    const info: APIGatewayBotInfo = {
      url: gatewayUrl(),
      shards: recommendedShards,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
    };
    return { status: 200, body: info };
  });
  router.add('GET', '/gateway', 'none', () => ({ status: 200, body: { url: gatewayUrl() } }));
  // The bot with its Bot token, or the person behind an OAuth2 Bearer token: the route checks either itself.
  router.add('GET', '/users/@me', 'none', ({ headers }) => currentUser(state, oauth2, headers.authorization, botToken));
  router.add('GET', '/users/:userId', 'bot', ({ params }) => ({ status: 200, body: state.user(params.userId!) }));
  const application = (): Partial<APIApplication> => ({
    id: state.applicationId,
    name: state.botUser.username,
    icon: null,
    description: '',
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: 0 as ApplicationFlags,
    bot: state.botUser,
  });
  router.add('GET', '/applications/@me', 'bot', () => ({ status: 200, body: application() }));
  router.add('GET', '/oauth2/applications/@me', 'bot', () => ({ status: 200, body: application() }));
}
