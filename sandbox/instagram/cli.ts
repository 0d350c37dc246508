// `npm run sandbox:instagram -- --port 4100 [--client-id …] [--client-secret …] [--redirect-uri …] [--window-ms …]
// [--mode live] [--seed …] [--host …] [--signed-requests]`: starts the emulator, prints its URL, the client
// credentials and the sandbox users, and closes cleanly on SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { SANDBOX_CLIENT, startInstagramEmulator } from './index.js';

const argsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(4100),
  host: z.string().default('127.0.0.1'),
  'client-id': z.string().regex(/^[0-9a-f]{32}$/, 'expected 32 lowercase hex characters').default(SANDBOX_CLIENT.clientId),
  'client-secret': z.string().regex(/^[0-9a-f]{32}$/, 'expected 32 lowercase hex characters').default(SANDBOX_CLIENT.clientSecret),
  'redirect-uri': z.array(z.url()).default([]),
  'window-ms': z.coerce.number().int().min(100).optional(),
  mode: z.enum(['sandbox', 'live']).default('sandbox'),
  seed: z.string().default('igcord'),
  'signed-requests': z.boolean().default(false),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
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
    },
    strict: true,
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(`sandbox:instagram: bad arguments\n${z.prettifyError(parsed.error)}`);
    process.exitCode = 2;
    return;
  }
  const args = parsed.data;
  const client = {
    clientId: args['client-id'],
    clientSecret: args['client-secret'],
    redirectUris: args['redirect-uri'].length > 0 ? args['redirect-uri'] : SANDBOX_CLIENT.redirectUris,
    signedRequests: args['signed-requests'],
  };
  const emulator = await startInstagramEmulator({
    port: args.port,
    host: args.host,
    seed: args.seed,
    mode: args.mode,
    clients: [client],
    ...(args['window-ms'] !== undefined ? { windowMs: args['window-ms'] } : {}),
  });
  const lines = [
    `Instagram Platform API v1 emulator listening on ${emulator.url}`,
    `  API:    ${emulator.url}/v1    OAuth: ${emulator.url}/oauth/authorize    admin: ${emulator.url}/_emulator/`,
    `  mode ${args.mode}, seed ${JSON.stringify(args.seed)}${args['signed-requests'] ? ', signed requests enforced' : ''}`,
    `  client_id     ${client.clientId}`,
    // The emulator's own sandbox secret: printed so a person can configure igcord against it.
    `  client_secret ${client.clientSecret}`,
    `  redirect URIs ${client.redirectUris.join(', ')}`,
    '  sandbox users:',
    ...emulator.admin.users().map((u) => `    ${String(u.id).padEnd(11)} ${String(u.username).padEnd(16)} ${u.is_private ? 'private' : 'public'}`),
  ];
  console.log(lines.join('\n'));
  const stop = (signal: string) => {
    console.log(`\n${signal}: closing the emulator`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

// `--provider graph` hands over to the Graph API emulator's own CLI (sandbox/instagram-graph/cli.ts).
const graph = process.argv.some((a, i) => a === '--provider=graph' || (a === '--provider' && process.argv[i + 1] === 'graph'));
if (graph) await import('../instagram-graph/cli.js');
else await main();
