// `npm run sandbox:instagram -- [options]` (`--help` lists them): starts the emulator, prints its URL, the client
// credentials and the sandbox users, and closes cleanly on SIGINT/SIGTERM. A person types this command, so a bad
// command line or a busy port is one line on stderr saying what to change (exit 2 and 1), never a stack trace.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { SANDBOX_CLIENT, startInstagramEmulator } from './index.js';

const NAME = 'sandbox:instagram';

const HELP = `usage: npm run ${NAME} -- [options]

Starts the Instagram Platform API v1 emulator on this machine and prints its URL, the client credentials and the
sandbox users. Ctrl-C or SIGTERM stops it. See sandbox/instagram/README.md for its admin API.

options:
  --port <n>                 TCP port to listen on; 0 picks a free one (default 4100)
  --host <address>           address to listen on (default 127.0.0.1, this machine only)
  --client-id <32 hex>       client id of the emulated app (default the sandbox client's)
  --client-secret <32 hex>   its client secret (default the sandbox client's)
  --redirect-uri <url>       a redirect URI registered for the app; repeatable
                             (default ${SANDBOX_CLIENT.redirectUris.join(' and ')})
  --window-ms <ms>           length of the sliding rate-limit window (default 3600000, one hour)
  --mode sandbox|live        budgets per token and window: sandbox 500 calls and 30 per write endpoint,
                             live 5000 and 60 (default sandbox)
  --seed <text>              seed of the deterministic world (default igcord)
  --signed-requests          the app enforces signed requests: every call must carry a valid sig
  -h, --help                 print this help and exit

  --provider graph           start the emulator of today's Graph APIs instead, with its own options
                             (see sandbox/instagram-graph/README.md)
`;

const hex32 = z.string().regex(/^[0-9a-f]{32}$/, { error: 'expected 32 lowercase hex characters' });
const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: `expected a whole number from ${min} to ${max}` })
    .int({ error: `expected a whole number from ${min} to ${max}` })
    .min(min, { error: `expected a whole number from ${min} to ${max}` })
    .max(max, { error: `expected a whole number from ${min} to ${max}` });
const argsSchema = z.object({
  port: wholeNumber(0, 65535).default(4100),
  host: z.string().min(1, { error: 'expected an address such as 127.0.0.1' }).default('127.0.0.1'),
  'client-id': hex32.default(SANDBOX_CLIENT.clientId),
  'client-secret': hex32.default(SANDBOX_CLIENT.clientSecret),
  'redirect-uri': z.array(z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' })).default([]),
  'window-ms': wholeNumber(100, 86_400_000).optional(),
  mode: z.enum(['sandbox', 'live'], { error: 'expected sandbox or live' }).default('sandbox'),
  seed: z.string().default('igcord'),
  'signed-requests': z.boolean().default(false),
});

/** A mistake in what the person typed: one line, exit 2. */
class UsageError extends Error {}

function readArguments(argv: string[]): z.output<typeof argsSchema> | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        'redirect-uri': { type: 'string', multiple: true },
        'window-ms': { type: 'string' },
        mode: { type: 'string' },
        seed: { type: 'string' },
        'signed-requests': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    // node's parseArgs errors are TypeErrors with a code and a message written for programmers; say it shortly.
    const message = error instanceof Error ? error.message : String(error);
    const unknown = message.match(/^Unknown option '([^']+)'/);
    if (unknown) throw new UsageError(`unknown option ${unknown[1]}; see --help`);
    const positional = message.match(/^Unexpected argument '([^']+)'/);
    if (positional) throw new UsageError(`unexpected argument ${positional[1]}; options start with --, see --help`);
    throw new UsageError(`${message.split('\n')[0]}; see --help`);
  }
  if (values.help) return 'help';
  const { help: _help, ...options } = values;
  const parsed = argsSchema.safeParse(options);
  if (!parsed.success) {
    throw new UsageError(
      parsed.error.issues.map((issue) => `--${String(issue.path[0])}: ${issue.message}`).join(`\n${NAME}: `),
    );
  }
  return parsed.data;
}

/** A listen failure as the person can act on it. */
function describeListenError(error: unknown, port: number, host: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE')
    return `port ${port} on ${host} is already in use; choose another with --port (--port 0 picks a free one)`;
  if (code === 'EACCES') return `not allowed to listen on port ${port}; choose one above 1023 with --port`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    return `cannot listen on ${host}: not an address of this machine; see --host`;
  return `the emulator did not start: ${error instanceof Error ? error.message : String(error)}`;
}

async function main(): Promise<void> {
  let args;
  try {
    args = readArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${NAME}: ${error.message}`);
    process.exit(2);
  }
  if (args === 'help') {
    process.stdout.write(HELP);
    return;
  }
  const client = {
    clientId: args['client-id'],
    clientSecret: args['client-secret'],
    redirectUris: args['redirect-uri'].length > 0 ? args['redirect-uri'] : SANDBOX_CLIENT.redirectUris,
    signedRequests: args['signed-requests'],
  };
  let emulator;
  try {
    emulator = await startInstagramEmulator({
      port: args.port,
      host: args.host,
      seed: args.seed,
      mode: args.mode,
      clients: [client],
      ...(args['window-ms'] !== undefined ? { windowMs: args['window-ms'] } : {}),
    });
  } catch (error) {
    console.error(`${NAME}: ${describeListenError(error, args.port, args.host)}`);
    process.exit(1);
  }
  const lines = [
    `Instagram Platform API v1 emulator listening on ${emulator.url}`,
    `  API:    ${emulator.url}/v1    OAuth: ${emulator.url}/oauth/authorize    admin: ${emulator.url}/_emulator/`,
    `  mode ${args.mode}, seed ${JSON.stringify(args.seed)}${args['signed-requests'] ? ', signed requests enforced' : ''}`,
    `  client_id     ${client.clientId}`,
    // The emulator's own sandbox secret: printed so a person can configure igcord against it.
    `  client_secret ${client.clientSecret}`,
    `  redirect URIs ${client.redirectUris.join(', ')}`,
    '  sandbox users:',
    ...emulator.admin
      .users()
      .map(
        (u) => `    ${String(u.id).padEnd(11)} ${String(u.username).padEnd(16)} ${u.is_private ? 'private' : 'public'}`,
      ),
  ];
  console.log(lines.join('\n'));
  const running = emulator;
  const stop = (signal: string) => {
    console.log(`\n${signal}: closing the emulator`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`${NAME}: closing failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

// `--provider graph` hands over to the Graph API emulator's own CLI (sandbox/instagram-graph/cli.ts).
const graph = process.argv.some(
  (a, i) => a === '--provider=graph' || (a === '--provider' && process.argv[i + 1] === 'graph'),
);
if (graph) await import('../instagram-graph/cli.js');
else {
  main().catch((error: unknown) => {
    console.error(`${NAME}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
