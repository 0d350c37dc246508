// igcord's logger: pino, with redaction of every secret a log line could carry (access tokens, the client secret,
// OAuth codes and states, signatures, the Discord token, encryption keys). Code that logs a URL passes it through
// `redactUrl` first, since a query string can carry a token.
import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger } from 'pino';

const SECRET_KEYS = [
  'access_token',
  'accessToken',
  'token',
  'client_secret',
  'clientSecret',
  'code',
  'oauthCode',
  'state',
  'oauthState',
  'sig',
  'signature',
  'authorization',
  'Authorization',
  'x-hub-signature',
  'X-Hub-Signature',
  'encryptionKey',
  'key',
  'verify_token',
  'verifyToken',
  'hub.verify_token',
];

/** Redaction paths: each secret key at the top level and up to two levels deep, and in request headers. */
export const REDACT_PATHS = [
  ...SECRET_KEYS.map((k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : `["${k}"]`)),
  ...SECRET_KEYS.map((k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? `*.${k}` : `*["${k}"]`)),
  ...SECRET_KEYS.map((k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? `*.*.${k}` : `*.*["${k}"]`)),
];

const URL_SECRET_PARAMS = new Set([
  'access_token',
  'client_secret',
  'code',
  'state',
  'sig',
  'hub.verify_token',
  'verify_token',
]);

/** Returns the URL with the values of secret query parameters (and any `#access_token=` fragment) replaced. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url, 'http://relative.invalid');
    for (const name of [...parsed.searchParams.keys()]) {
      if (URL_SECRET_PARAMS.has(name)) parsed.searchParams.set(name, '[Redacted]');
    }
    if (parsed.hash.includes('access_token')) parsed.hash = '#[Redacted]';
    const text = parsed.toString();
    return url.startsWith('http') ? text : text.replace('http://relative.invalid', '');
  } catch {
    return '[unparseable url]';
  }
}

export interface LoggerOptions {
  level?: string;
  /** Where lines go; tests pass a stream to assert on what was logged. */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      name: 'igcord',
      level: options.level ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
      serializers: { err: pino.stdSerializers.err },
    },
    options.destination,
  );
}

/** A logger that drops everything, for code paths that were given none. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
