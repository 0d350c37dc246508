// `npm run sandbox:instagram -- --provider graph [--port 4100] [--host …] [--seed …] [--redirect-uri …]
// [--version v25.0] [--buc-capacity n] [--webhook-retry-ms n]`: starts the Instagram Graph API emulator, prints
// its URL, the base URL standing in for each real host, the app credentials and the seeded accounts, and closes
// cleanly on SIGINT/SIGTERM. Reached through sandbox/instagram/cli.ts, which hands `--provider graph` over here.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_GRAPH_VERSION, SANDBOX_GRAPH_APP, startGraphEmulator } from './index.js';

const argsSchema = z.object({
  provider: z.literal('graph').default('graph'),
  port: z.coerce.number().int().min(0).max(65535).default(4100),
  host: z.string().default('127.0.0.1'),
  seed: z.string().default('igcord'),
  'redirect-uri': z.array(z.url()).default([]),
  version: z
    .string()
    .regex(/^v\d+\.\d+$/, 'expected vNN.N')
    .default(DEFAULT_GRAPH_VERSION),
  'buc-capacity': z.coerce.number().int().min(1).optional(),
  'webhook-retry-ms': z.coerce.number().int().min(1).optional(),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      provider: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      'redirect-uri': { type: 'string', multiple: true },
      version: { type: 'string' },
      'buc-capacity': { type: 'string' },
      'webhook-retry-ms': { type: 'string' },
    },
    strict: true,
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(`sandbox:instagram --provider graph: bad arguments\n${z.prettifyError(parsed.error)}`);
    process.exitCode = 2;
    return;
  }
  const args = parsed.data;
  const emulator = await startGraphEmulator({
    port: args.port,
    host: args.host,
    seed: args.seed,
    version: args.version,
    ...(args['redirect-uri'].length > 0 ? { app: { redirectUris: args['redirect-uri'] } } : {}),
    ...(args['buc-capacity'] !== undefined ? { usage: { bucCapacity: args['buc-capacity'] } } : {}),
    ...(args['webhook-retry-ms'] !== undefined ? { webhooks: { retryInitialMs: args['webhook-retry-ms'] } } : {}),
  });
  const app = emulator.admin.app();
  const { hosts } = emulator;
  const lines = [
    `Instagram Graph API emulator listening on ${emulator.url}   (admin: ${emulator.url}/_emulator/)`,
    `  www.instagram.com   → ${hosts.instagramWww}      (authorize: /oauth/authorize)`,
    `  api.instagram.com   → ${hosts.instagramApi}      (POST /oauth/access_token)`,
    `  graph.instagram.com → ${hosts.instagramGraph}      (/${args.version}/…, /access_token, /refresh_access_token)`,
    `  www.facebook.com    → ${hosts.facebookWww}      (/${args.version}/dialog/oauth)`,
    `  graph.facebook.com  → ${hosts.facebookGraph}      (/${args.version}/…)`,
    // The emulator's own sandbox secrets: printed so a person can configure igcord against it.
    `  Instagram app  id ${app.instagramAppId}  secret ${app.instagramAppSecret}`,
    `  Meta app       id ${app.metaAppId}  secret ${app.metaAppSecret}`,
    `  redirect URIs  ${app.redirectUris.join(', ')}`,
    '  seeded accounts:',
    ...emulator.admin
      .accounts()
      .map(
        (a) =>
          `    ${a.id}  ${a.username.padEnd(16)} ${a.account_type.padEnd(13)} login: ${a.login}${a.page_id ? `  page ${a.page_id}` : ''}`,
      ),
  ];
  console.log(lines.join('\n'));
  if (app.instagramAppSecret === SANDBOX_GRAPH_APP.instagramAppSecret)
    console.log('  (sandbox credentials: never use them for a real app)');
  const stop = (signal: string) => {
    console.log(`\n${signal}: closing the Graph emulator`);
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

await main();
