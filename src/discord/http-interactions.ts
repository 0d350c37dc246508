// Runs interactions that arrive over HTTP (POST /interactions) through the same discord.js client and the same
// interaction router as the gateway's, and turns their first response into the HTTP answer Discord expects.
// Two hooks, both in discord.js's own paths, so handlers, the responder and discord.js's replied/deferred state
// stay exactly as for a gateway interaction:
// - in: the raw payload goes to discord.js's InteractionCreate action, the code a gateway INTERACTION_CREATE
//   packet goes to; it builds the interaction and emits `interactionCreate`, which the router listens to;
// - out: the client's REST `makeRequest` hands over the interaction's callback (`POST /interactions/{id}/{token}/
//   callback`) instead of sending it, while its HTTP request waits; discord.js is answered 204 (what Discord
//   answers) once the HTTP answer has reached the socket, so an edit can never overtake the acknowledgement it
//   edits. Later edits and follow-ups use REST with the interaction token, as before.
// See docs/decisions/0017-interactions-over-http.md.
import { DefaultRestOptions, type Client, type RESTOptions } from 'discord.js';
import type { Logger } from '../log.js';

/** What the handling of one interaction gave as its first response. */
export type InitialResponse =
  /** The callback body (`{ type, data }`); `sent` is told whether the answer reached the socket. */
  | { kind: 'callback'; body: unknown; sent(delivered: boolean): void }
  /** The callback went by REST instead (an answer with files): the HTTP answer is 202 with no body. */
  | { kind: 'rest' }
  /** Nothing answered in time: Discord shows "This interaction failed". */
  | { kind: 'none' };

/** Runs one verified interaction through the same handling as the gateway's (createHttpInteractionBridge). */
export interface InteractionDispatcher {
  dispatch(payload: Record<string, unknown>, log: Logger): Promise<InitialResponse>;
}

export interface HttpInteractionBridge extends InteractionDispatcher {
  /** The client's REST `makeRequest`: catches the first callback of an interaction received over HTTP. */
  makeRequest: RESTOptions['makeRequest'];
  /** Connects the bridge to the client the router is attached to; fails loudly if discord.js lacks the action. */
  bind(client: Client): void;
}

export interface HttpInteractionBridgeOptions {
  /** How long the HTTP answer waits for the first response; under Discord's 3 s, over the router's 1.5 s auto-defer. */
  answerWithinMs?: number | undefined;
}

type Handover = { kind: 'callback'; body: unknown } | { kind: 'rest' };

interface Waiting {
  token: string;
  /** Resolves with whether the HTTP answer reached the socket. */
  take(handover: Handover): Promise<boolean>;
}

// `/api/v10/interactions/{id}/{token}/callback`, whatever the API base.
const CALLBACK_PATH = /\/interactions\/(\d+)\/([^/]+)\/callback$/;

export function createHttpInteractionBridge(options: HttpInteractionBridgeOptions = {}): HttpInteractionBridge {
  const answerWithinMs = options.answerWithinMs ?? 2500;
  const waiting = new Map<string, Waiting>();
  let emitInteraction: ((payload: Record<string, unknown>) => void) | undefined;

  async function makeRequest(
    url: string,
    init: Parameters<RESTOptions['makeRequest']>[1],
  ): ReturnType<RESTOptions['makeRequest']> {
    const match = init.method === 'POST' ? CALLBACK_PATH.exec(new URL(url).pathname) : null;
    const entry = match ? waiting.get(match[1]!) : undefined;
    if (!match || !entry || decodeURIComponent(match[2]!) !== entry.token)
      return DefaultRestOptions.makeRequest(url, init);
    waiting.delete(match[1]!);
    // A callback with files (multipart) or one that asks for Discord's reply (with_response) cannot be an HTTP
    // answer igcord gives: it goes by REST, and the HTTP answer is 202 with no body.
    if (typeof init.body !== 'string' || new URL(url).searchParams.get('with_response') === 'true') {
      void entry.take({ kind: 'rest' });
      return DefaultRestOptions.makeRequest(url, init);
    }
    const delivered = await entry.take({ kind: 'callback', body: JSON.parse(init.body) as unknown });
    if (!delivered) {
      // Discord never got the answer: for it, the interaction went unanswered and is gone.
      return new Response(JSON.stringify({ message: 'Unknown interaction', code: 10062 }), {
        status: 404,
        headers: { 'content-type': 'application/json' },
      });
    }
    return new Response(null, { status: 204 });
  }

  function dispatch(payload: Record<string, unknown>, log: Logger): Promise<InitialResponse> {
    const emit = emitInteraction;
    if (!emit) throw new Error('the HTTP interaction bridge is not bound to a discord.js client');
    const id = String(payload.id);
    return new Promise<InitialResponse>((resolve) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        resolve({ kind: 'none' });
      }, answerWithinMs);
      waiting.set(id, {
        token: String(payload.token),
        take(handover) {
          clearTimeout(timer);
          if (handover.kind === 'rest') {
            resolve({ kind: 'rest' });
            return Promise.resolve(true);
          }
          return new Promise<boolean>((sent) => resolve({ kind: 'callback', body: handover.body, sent }));
        },
      });
      try {
        emit(payload);
      } catch (error) {
        clearTimeout(timer);
        waiting.delete(id);
        log.error({ err: error }, 'discord.js could not build the interaction from the HTTP payload');
        resolve({ kind: 'none' });
      }
    });
  }

  return {
    makeRequest,
    dispatch,
    bind(client) {
      // discord.js keeps its actions private; this is the handler its gateway INTERACTION_CREATE packets go to.
      const action = (client as unknown as { actions?: { InteractionCreate?: { handle?: (data: unknown) => void } } })
        .actions?.InteractionCreate;
      if (typeof action?.handle !== 'function')
        throw new Error('this discord.js has no InteractionCreate action: interactions over HTTP cannot be handled');
      emitInteraction = (payload) => action.handle!(payload);
    },
  };
}
