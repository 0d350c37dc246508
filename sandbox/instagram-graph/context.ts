// What a Graph route handler receives: who is calling (the token's viewer), the parameters, the clock, and the
// two ways a call is charged (BUC per account, platform per app), plus links for `next`/`previous`.
import type { GraphState } from './state.js';
import type { TokenRecord } from './tokens.js';
import type { Login } from './webhooks.js';
import type { Account, FacebookUser, Page } from './world.js';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export type GraphHost = 'instagram-graph' | 'facebook-graph';

export type Viewer =
  | { kind: 'instagram'; token: string; record: TokenRecord; account: Account }
  | { kind: 'facebook-user'; token: string; record: TokenRecord; user: FacebookUser }
  | { kind: 'page'; token: string; record: TokenRecord; page: Page }
  | { kind: 'app'; appId: string; login: Login; secret: string };

export interface GraphContext {
  state: GraphState;
  host: GraphHost;
  method: string;
  /** Query (and, for POST, form) parameters. */
  params: URLSearchParams;
  viewer: Viewer;
  now: number;
  /** Counts the call against the account's BUC budget; throws 80002 when the account is blocked. */
  chargeBuc(account: Account): void;
  /** Counts the call against the app's platform budget; throws 4 or 17 when over. */
  chargePlatform(account?: Account): void;
  /** Names the route in the request log (set before the handler runs, so failed calls are labelled too). */
  setRoute(label: string): void;
  /** An absolute URL on this host (with the version) for `path` and `query`. */
  link(path: string, query: URLSearchParams): string;
}
