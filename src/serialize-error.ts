// How an error (or any value) becomes safe to log. discord.js errors carry the request URL, and Discord puts
// credentials in URL paths: `/interactions/<id>/<token>/callback`, `/webhooks/<app id>/<interaction token>/…`
// for 15 minutes, `/webhooks/<id>/<token>` of a channel webhook for ever
// (https://discord.com/developers/docs/resources/webhook#execute-webhook). Such a URL can sit in `url`, in the
// message, in the stack, in the request body, anywhere down the `cause` chain. Key-based redaction (pino's
// `redact`) cannot see inside strings, so this walks the whole value and rewrites every string it finds; the
// Discord error code, status and method stay readable.
export const REDACTED = '[Redacted]';

/** Query (and form) parameters whose values are secrets. */
export const URL_SECRET_PARAMS = [
  'access_token',
  'client_secret',
  'code',
  'state',
  'sig',
  'hub.verify_token',
  'verify_token',
] as const;

/** Field names whose string values are secrets wherever they sit (`code` is handled apart: see `isVisibleCode`). */
export const SECRET_FIELDS = new Set([
  'access_token',
  'accessToken',
  'token',
  'webhookToken',
  'client_secret',
  'clientSecret',
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
  'verify_token',
  'verifyToken',
  'hub.verify_token',
]);

const escaped = URL_SECRET_PARAMS.map((p) => p.replace('.', '\\.')).join('|');
const PATTERNS: Array<[RegExp, string]> = [
  // The segment after an interaction id or a webhook id is its token.
  [/(\/interactions\/\d{1,20}\/)[^/?#\s"'`\\]+/g, `$1${REDACTED}`],
  [/(\/webhooks\/\d{1,20}\/)[^/?#\s"'`\\]+/g, `$1${REDACTED}`],
  // `Authorization: Bot <token>` / `Bearer <token>`; tokens are long, so a sentence starting "Bot is" survives.
  [/\b(Bot|Bearer)(\s+)[A-Za-z0-9._~+/=-]{20,}/g, `$1$2${REDACTED}`],
  // A Discord bot token on its own: base64 user id, timestamp, HMAC (https://discord.com/developers/docs/reference#authentication).
  [/\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}/g, REDACTED],
  // Secret query and form parameters, whether in a URL, a form body or a sentence quoting one.
  // A value redactUrl already replaced (`%5BRedacted%5D`) is left as it is.
  [new RegExp(`(^|[?&#;\\s])(${escaped})=(?!%5BRedacted%5D)[^&#\\s"'\`\\\\]*`, 'g'), `$1$2=${REDACTED}`],
];

/** `text` with every URL-borne secret replaced by `[Redacted]`. */
export function scrubSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/**
 * Whether a `code` field may be logged as it is. Discord's JSON error codes (10062 Unknown interaction, 50013
 * Missing Permissions…) and system error codes (ECONNRESET, ERR_…, UND_ERR_…, SQLITE_BUSY) say what went wrong;
 * an OAuth `code` is a credential and is a lower-case or mixed-case string, so every other string is redacted.
 */
export function isVisibleCode(value: unknown): boolean {
  if (typeof value === 'number') return true;
  return typeof value === 'string' && (/^\d{1,6}$/.test(value) || /^[A-Z][A-Z0-9_]{1,40}$/.test(value));
}

const MAX_DEPTH = 8;

/** A copy of `value` safe to log: strings scrubbed, secret fields redacted, errors serialized, cycles cut. */
export function scrubValue(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return scrubSecrets(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1, seen));
    if (value instanceof Error) return scrubFields(errorFields(value), depth, seen);
    // Dates, URLs and library objects log as their JSON form, which is scrubbed like the rest.
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return scrubValue(toJSON.call(value), depth + 1, seen);
    return scrubFields(Object.entries(value), depth, seen);
  } finally {
    seen.delete(value);
  }
}

/** An error's name, message, stack, own fields and `cause` (which is not enumerable when given to the constructor). */
function errorFields(error: Error): Array<[string, unknown]> {
  const fields = new Map<string, unknown>([
    ['type', error.constructor?.name || error.name],
    ['message', error.message],
    ['stack', error.stack],
  ]);
  for (const key in error) if (!fields.has(key)) fields.set(key, (error as unknown as Record<string, unknown>)[key]);
  if (error instanceof AggregateError) fields.set('errors', error.errors);
  if (error.cause !== undefined) fields.set('cause', error.cause);
  return [...fields];
}

function scrubFields(entries: Array<[string, unknown]>, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of entries) {
    if (field === undefined || typeof field === 'function') continue;
    if (SECRET_FIELDS.has(key) && field !== null && typeof field !== 'boolean') out[key] = REDACTED;
    else if (key === 'code' && field !== null && !isVisibleCode(field)) out[key] = REDACTED;
    else out[key] = scrubValue(field, depth + 1, seen);
  }
  return out;
}

/**
 * pino's `err` serializer: the error's type, message, stack, own fields (discord.js: `code`, `status`, `method`,
 * `url`, `requestBody`) and its `cause` chain, with every string scrubbed. createLogger also applies it to errors
 * logged under any other key.
 */
export function serializeError(error: unknown): unknown {
  return scrubValue(error);
}
