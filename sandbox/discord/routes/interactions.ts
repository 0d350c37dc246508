// Interaction routes: the callback (`POST /interactions/:id/:token/callback`, no Authorization, as discord.js
// sends it) and the interaction webhook — the original response (`/webhooks/:app/:token/messages/@original`)
// and follow-ups. The webhook paths are shared with channel webhooks; webhooks.ts hands over a request whose
// token belongs to an interaction.
import type { RestRouter, RouteRequest, RouteResult } from '../rest.js';
import type { InteractionRegistry } from '../interactions.js';
import type { FakeState } from '../state.js';
import { checkBody, messageBodySchema } from '../limits.js';
import { deleteMessage, editMessage, messageView } from '../messages.js';
import { MessageFlags } from 'discord-api-types/v10';

export function addInteractionCallbackRoute(router: RestRouter, interactions: InteractionRegistry): void {
  router.add('POST', '/interactions/:id/:token/callback', 'none', ({ params, body, query }) => {
    const result = interactions.callback(params.id!, params.token!, body, query.get('with_response') === 'true');
    return result === undefined ? { status: 204 } : { status: 200, body: result };
  });
}

/** Handles `/webhooks/:app/:token[...]` for an interaction token. */
export function interactionWebhook(
  state: FakeState,
  interactions: InteractionRegistry,
  request: RouteRequest,
  messageId?: string,
): RouteResult {
  const record = interactions.webhookRecord(request.params.id!, request.params.token!);
  if (messageId === undefined) {
    if (request.method !== 'POST') return { status: 405, body: { message: '405: Method Not Allowed', code: 0 } };
    const stored = interactions.followUp(record, request.body);
    return request.query.get('wait') === 'false' ? { status: 204 } : { status: 200, body: messageView(stored) };
  }
  const stored = interactions.ownMessage(record, messageId);
  switch (request.method) {
    case 'GET':
      return { status: 200, body: messageView(stored) };
    case 'PATCH': {
      const edit = checkBody(messageBodySchema, request.body ?? {});
      return { status: 200, body: messageView(editMessage(state, stored, edit, MessageFlags.Loading)) };
    }
    case 'DELETE':
      deleteMessage(state, stored.message.channel_id, stored.message.id);
      return { status: 204 };
    default:
      return { status: 405, body: { message: '405: Method Not Allowed', code: 0 } };
  }
}
