// igcord's logger: pino, with redaction of every secret a log line could carry (access tokens, the client secret,
// OAuth codes and states, signatures, the Discord token, interaction and webhook tokens, encryption keys). Secret
// fields are redacted by name; errors, and every string logged, are scrubbed of URL-borne secrets by
// serialize-error.ts (discord.js errors carry URLs with tokens in their path). Discord error codes stay readable:
// `code` is redacted only when it is a string that is not an error code (an OAuth code). Code that logs a URL
// passes it through `redactUrl` first, which keeps the rest of the URL as it was.
import { pino, type Logger, type DestinationStream } from 'pino';
import {
  isVisibleCode,
  REDACTED,
  scrubSecrets,
  scrubValue,
  SECRET_FIELDS,
  serializeError,
  URL_SECRET_PARAMS,
} from './serialize-error.js';

export type { Logger } from 'pino';

/** `code` is checked by value (see isVisibleCode); the limiter's `key` is an Instagram user id and is logged. */
const SECRET_KEYS = [...SECRET_FIELDS, 'code'];

/** Redaction paths: each secret key at the top level and up to two levels deep, and in request headers. */
export const REDACT_PATHS = [
  ...SECRET_KEYS.map((k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : `["${k}"]`)),
  ...SECRET_KEYS.map((k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? `*.${k}` : `*["${k}"]`)),
  ...SECRET_KEYS.map((k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? `*.*.${k}` : `*.*["${k}"]`)),
];

const SECRET_PARAMS = new Set<string>(URL_SECRET_PARAMS);

/** Returns the URL with the values of secret query parameters (and any `#access_token=` fragment) replaced. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url, 'http://relative.invalid');
    for (const name of [...parsed.searchParams.keys()]) {
      if (SECRET_PARAMS.has(name)) parsed.searchParams.set(name, '[Redacted]');
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
      redact: { paths: REDACT_PATHS, censor: censorField },
      serializers: { err: serializeError, msg: (msg: unknown) => (typeof msg === 'string' ? scrubSecrets(msg) : msg) },
      formatters: { log: scrubLogFields },
    },
    options.destination,
  );
}

/** A Discord error code or a system error code stays; any other value of a secret field is replaced. */
function censorField(value: unknown, path: string[]): unknown {
  return path.at(-1) === 'code' && isVisibleCode(value) ? value : REDACTED;
}

/** Every field of a line except `err` (which has its serializer): errors serialized, strings scrubbed. */
function scrubLogFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) out[key] = key === 'err' ? value : scrubValue(value);
  return out;
}

/** A logger that drops everything, for code paths that were given none. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
