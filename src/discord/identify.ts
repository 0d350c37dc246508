// Who is at this browser, according to Discord: the OAuth2 authorization code grant with scope `identify`
// (https://discord.com/developers/docs/topics/oauth2#authorization-code-grant). igcord sends the browser to
// Discord's authorize page, exchanges the code it brings back at `POST /api/v10/oauth2/token` (form-encoded, the
// client authenticated by HTTP Basic, as documented) and asks `GET /api/v10/users/@me` with the Bearer token. The
// token is used for that one call and dropped: it is never stored, returned or logged.
import { z } from 'zod';
import { ValidationError, validate } from '../util/validate.js';

export interface DiscordIdentifyOptions {
  /** Discord's web base, e.g. `https://discord.com`: the authorize page is `${oauthUrl}/oauth2/authorize`. */
  oauthUrl: string;
  /** Discord's REST base without the version, e.g. `https://discord.com/api`. */
  apiUrl: string;
  /** The application id. */
  clientId: string;
  clientSecret: string;
  /** igcord's `${PUBLIC_URL}/link/discord-callback`, registered in the developer portal. */
  redirectUri: string;
  timeoutMs?: number | undefined;
}

export interface DiscordIdentity {
  id: string;
  /** The name a person recognises: the display name, else the username. */
  name: string;
}

export interface DiscordIdentify {
  authorizeUrl(state: string): string;
  /** Exchanges a code and returns the user it was granted by. Throws DiscordOAuthError. */
  identify(code: string): Promise<DiscordIdentity>;
}

/**
 * Discord refused or failed the exchange or the user lookup. `refused` (a 4xx: a bad, used or expired code, or a
 * wrong client secret) is not worth retrying; `unavailable` is Discord down, slow or answering nonsense.
 */
export class DiscordOAuthError extends Error {
  override readonly name = 'DiscordOAuthError';
  constructor(
    readonly kind: 'refused' | 'unavailable',
    readonly step: 'token' | 'users/@me',
    readonly status: number | undefined,
    /** Discord's OAuth2 `error` field (`invalid_grant`, `invalid_client` …), never a secret. */
    readonly oauthError: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(
      `Discord ${kind === 'refused' ? 'refused' : 'did not answer'} the ${step} request${status === undefined ? '' : ` (HTTP ${status}${oauthError ? `, ${oauthError}` : ''})`}`,
      options,
    );
  }
}

const tokenSchema = z.object({ access_token: z.string().min(1), token_type: z.string().regex(/^bearer$/i) });
const errorSchema = z.object({ error: z.string().max(100) });
const userSchema = z.object({
  id: z.string().regex(/^\d{17,20}$/),
  username: z.string().min(1).max(100),
  global_name: z.string().min(1).max(100).nullish(),
});

export function createDiscordIdentify(options: DiscordIdentifyOptions): DiscordIdentify {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const api = `${options.apiUrl.replace(/\/+$/, '')}/v10`;

  async function call(step: 'token' | 'users/@me', url: string, init: RequestInit): Promise<unknown> {
    let response: Response;
    let body: unknown;
    try {
      response = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
      body = await response.json().catch(() => undefined);
    } catch (cause) {
      throw new DiscordOAuthError('unavailable', step, undefined, undefined, { cause });
    }
    if (!response.ok) {
      const parsed = errorSchema.safeParse(body);
      const kind =
        response.status >= 400 && response.status < 500 && response.status !== 429 ? 'refused' : 'unavailable';
      throw new DiscordOAuthError(kind, step, response.status, parsed.success ? parsed.data.error : undefined);
    }
    return body;
  }

  return {
    authorizeUrl(state) {
      const query = new URLSearchParams({
        response_type: 'code',
        client_id: options.clientId,
        scope: 'identify',
        state,
        redirect_uri: options.redirectUri,
        // Always show Discord's page: the point is that the person sees which account they confirm.
        prompt: 'consent',
      });
      return `${options.oauthUrl.replace(/\/+$/, '')}/oauth2/authorize?${query.toString().replace(/\+/g, '%20')}`;
    },

    async identify(code) {
      const basic = Buffer.from(
        `${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`,
      ).toString('base64');
      const tokenBody = await call('token', `${api}/oauth2/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: options.redirectUri,
        }).toString(),
      });
      let accessToken: string;
      try {
        accessToken = validate(tokenSchema, tokenBody, 'Discord token response').access_token;
      } catch (error) {
        // The message names fields only: zod's summary does not echo a string value it accepted.
        if (error instanceof ValidationError) throw new DiscordOAuthError('unavailable', 'token', 200, undefined);
        throw error;
      }
      const userBody = await call('users/@me', `${api}/users/@me`, {
        headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      });
      try {
        const user = validate(userSchema, userBody, 'Discord user');
        return { id: user.id, name: user.global_name ?? user.username };
      } catch (error) {
        if (error instanceof ValidationError) throw new DiscordOAuthError('unavailable', 'users/@me', 200, undefined);
        throw error;
      }
    },
  };
}
