// The route of `POST /interactions`, Discord's Interactions Endpoint URL: with it set in the developer portal,
// Discord sends every interaction here instead of over the gateway and takes the HTTP answer as the interaction's
// first response (its callback), due within 3 s. A fixed pipeline with one status per failure, in this order:
// content type (415) → size while streaming (413) → Ed25519 signature over timestamp + raw bytes (401, before
// anything is parsed) → JSON and interaction shape (400) → PING answered PONG → anything else to the dispatcher,
// whose first response becomes the answer (503 if none comes). Edits and follow-ups go by REST as before.
import { z } from 'zod';
import type { Logger } from '../log.js';
import { validate, ValidationError } from '../util/validate.js';
import { HttpError, json, type HttpResponse } from './http-response.js';
import { interactionSignatureCheck } from './interaction-signature.js';
import { readBody } from './read-body.js';
import { route, type RequestContext, type Route } from './router.js';
import type { InteractionDispatcher } from '../discord/http-interactions.js';

export type { InitialResponse, InteractionDispatcher } from '../discord/http-interactions.js';

export const INTERACTIONS_PATH = '/interactions';

export interface InteractionsEndpointOptions {
  /** The application's public key, 64 hex characters, from the developer portal. */
  publicKey: string;
  dispatcher: InteractionDispatcher;
  log: Logger;
  /** Default 256 KiB: an interaction with resolved users, members and a message is a few KiB. */
  maxBodyBytes?: number | undefined;
}

const interactionSchema = z.looseObject({
  id: z.string().regex(/^\d{1,20}$/),
  application_id: z.string().regex(/^\d{1,20}$/),
  type: z.number().int().min(1),
  token: z.string().min(1),
});

const PING = 1;
const PONG = { type: 1 };

export function createInteractionsEndpoint(options: InteractionsEndpointOptions): { routes: Route[] } {
  const verify = interactionSignatureCheck(options.publicKey);
  const maxBodyBytes = options.maxBodyBytes ?? 256 * 1024;
  const { dispatcher } = options;

  async function receive({ req, log }: RequestContext): Promise<HttpResponse> {
    if (!isJson(req.headers['content-type']))
      throw new HttpError(415, 'unsupported_media_type', 'the body must be application/json');
    const raw = await readBody(req, maxBodyBytes);
    const timestamp = header(req.headers['x-signature-timestamp']);
    const signature = header(req.headers['x-signature-ed25519']);
    if (!verify(timestamp, raw, signature)) {
      log.warn(
        { bytes: raw.length, signed: signature !== undefined, timestamped: timestamp !== undefined },
        'interaction refused: bad or missing signature',
      );
      throw new HttpError(401, 'bad_signature', 'X-Signature-Ed25519 is missing or does not match the body');
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new HttpError(400, 'malformed_json', 'the body is not valid JSON');
    }
    let interaction: z.output<typeof interactionSchema>;
    try {
      interaction = validate(interactionSchema, body, 'interaction');
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      throw new HttpError(400, 'invalid_interaction', err.message);
    }
    if (interaction.type === PING) {
      log.info('interactions endpoint: PING answered');
      return json(200, PONG);
    }
    // Ids only: the interaction token is a 15-minute credential for this interaction's messages.
    const interactionLog = log.child({ interactionId: interaction.id, interactionType: interaction.type });
    const initial = await dispatcher.dispatch(interaction, interactionLog);
    switch (initial.kind) {
      case 'callback':
        return { ...json(200, initial.body), onSent: initial.sent };
      case 'rest':
        return { status: 202 };
      case 'none':
        interactionLog.error('interaction got no response in time; Discord will show it as failed');
        throw new HttpError(503, 'no_response', 'the interaction was not answered in time');
    }
  }

  return { routes: [route('POST', INTERACTIONS_PATH, receive)] };
}

function header(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value.trim() : undefined;
}

/** `application/json`, with or without parameters, in any letter case. */
function isJson(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  return contentType.split(';')[0]!.trim().toLowerCase() === 'application/json';
}
