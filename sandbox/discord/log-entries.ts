// The entries of the Discord fake's log (log.ts): REST requests, gateway frames and interactions delivered to an
// Interactions Endpoint URL. Apart from the log so that the parts writing entries (the REST router, the gateway,
// the interactions endpoint) and the log itself import these types without importing each other.
import type { InteractionType } from 'discord-api-types/v10';

export interface RestLogEntry {
  kind: 'rest';
  time: number;
  method: string;
  /** Path after `/api/v10`, without the query string, with `%40original` decoded to `@original`. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
  /**
   * `bot` for a valid `Authorization: Bot <token>`, `bearer` for an OAuth2 `Bearer` token (checked by the route),
   * `none` without one (interaction/webhook routes and the OAuth2 token URL), `invalid`.
   */
  auth: 'bot' | 'bearer' | 'none' | 'invalid';
  /** Set when no route matched: the request was answered with 404. */
  unknownRoute?: true;
  /** The Discord error code answered, when the status is an error. */
  errorCode?: number;
  /** Set when an injected fault answered the request. */
  fault?: true;
}

export interface GatewayLogEntry {
  kind: 'gateway';
  time: number;
  direction: 'in' | 'out';
  sessionId: string | undefined;
  op: number;
  t?: string | null;
  s?: number | null;
  d: unknown;
}

export type LogEntry = RestLogEntry | GatewayLogEntry | InteractionDeliveryEntry;

/** One interaction POSTed to the endpoint and what came of it. */
export interface InteractionDeliveryEntry {
  kind: 'interaction';
  time: number;
  interactionId: string;
  interactionType: InteractionType;
  /** The endpoint's HTTP status; null when it did not answer in time or the connection failed. */
  status: number | null;
  /**
   * `answered`: the HTTP answer was the callback and was accepted; `rest`: 202 without a body, the callback is
   * expected on the REST route; `rejected`: the answer was a callback Discord refuses (second acknowledgement,
   * wrong type, invalid message); `failed`: no usable answer, the interaction failed for the person.
   */
  outcome: 'answered' | 'rest' | 'rejected' | 'failed';
  callbackType?: number;
  error?: string;
}
