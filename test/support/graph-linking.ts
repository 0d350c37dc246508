// igcord linking through a Graph emulator. `startOnGraph`: the emulator knows igcord's callback (the port is
// chosen first), and the Graph client built against it is handed to igcord as its linker, as the composition root
// does once the Graph provider is configured. `startGraphSandbox`: igcord as `INSTAGRAM_PROVIDER=graph` runs it,
// on the sandbox's own Graph emulator, commands and linking alike. `linkThroughPages` walks the real link flow.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startIgcord, type Igcord } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { FormBrowser, type Landing } from '../../src/console/form-browser.js';
import { createLogger } from '../../src/log.js';
import { createGraphClient } from '../../src/providers/graph/client.js';
import { createGraphLinker } from '../../src/providers/graph/linker.js';
import type { GraphLogin } from '../../src/providers/graph/api-call.js';
import { freePort } from '../../src/util/free-port.js';
import { SANDBOX_GRAPH_APP, startGraphEmulator, type GraphEmulator } from '../../sandbox/instagram-graph/index.js';
import type { InteractionHandle } from '../../sandbox/discord/index.js';
import { WAIT_MS } from './eventually.js';
import { startTestIgcord, type TestIgcord } from './igcord-harness.js';
import { assertNoSecretLogged } from './secret-scan.js';

export async function startOnGraph(login: GraphLogin): Promise<{ igcord: TestIgcord; emulator: GraphEmulator }> {
  const port = await freePort('127.0.0.1');
  const emulator = await startGraphEmulator({
    seed: `glink-${login}`,
    app: { ...SANDBOX_GRAPH_APP, redirectUris: [`http://127.0.0.1:${port}/oauth/callback`] },
  });
  const igcord = await startTestIgcord({ HTTP_PORT: String(port) }, undefined, undefined, {
    linker: (redirectUri) =>
      createGraphLinker(
        createGraphClient({
          login,
          hosts: emulator.hosts,
          version: 'v25.0',
          appId: login === 'instagram' ? SANDBOX_GRAPH_APP.instagramAppId : SANDBOX_GRAPH_APP.metaAppId,
          appSecret: login === 'instagram' ? SANDBOX_GRAPH_APP.instagramAppSecret : SANDBOX_GRAPH_APP.metaAppSecret,
          redirectUri,
          timeoutMs: 5000,
          now: () => emulator.admin.now(),
        }),
      ),
  });
  return { igcord, emulator };
}

export interface GraphSandbox {
  app: Igcord;
  graph: GraphEmulator;
  /** Every log line igcord wrote, as text. */
  logs(): string;
  /** Stops igcord, then fails if any log line holds a Graph token of this run. */
  close(): Promise<void>;
}

/** igcord in sandbox mode on the Graph provider with `login`, on its own Graph emulator, logging into memory. */
export async function startGraphSandbox(login: GraphLogin): Promise<GraphSandbox> {
  const dataDir = mkdtempSync(join(tmpdir(), `igcord-graph-${login}-`));
  const config = loadConfig({
    DATA_DIR: dataDir,
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: '0',
    LOG_LEVEL: 'debug',
    INSTAGRAM_PROVIDER: 'graph',
    INSTAGRAM_GRAPH_LOGIN: login,
  });
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  const app = await startIgcord(config, createLogger({ level: config.logLevel, destination }), {
    discordClientOptions: { rest: { timeout: 5000, retries: 1, globalRequestsPerSecond: 1e6 }, waitGuildTimeout: 200 },
  });
  const graph = app.sandbox?.graph;
  if (!graph) throw new Error('igcord did not boot its sandbox on the Graph emulator');
  return {
    app,
    graph,
    logs: () => lines.join(''),
    async close() {
      await app.close();
      assertNoSecretLogged(
        lines.join(''),
        graph.issuedTokens().map((value, i) => ({ name: `Graph token ${i}`, value })),
        "igcord's log",
      );
    },
  };
}

/** The URL of the "Link Instagram" button on a reply to `/instagram link`. */
export async function linkButtonUrl(handle: InteractionHandle): Promise<string> {
  const reply = await handle.waitForReply(undefined, WAIT_MS);
  const buttons = (reply.components ?? []).flatMap(
    (row) => (row as { components: { style?: number; url?: string }[] }).components,
  );
  const url = buttons.find((c) => c.style === 5 && c.url !== undefined)?.url;
  if (url === undefined) throw new Error(`no link button on the reply: ${JSON.stringify(reply.components)}`);
  return url;
}

/**
 * The person's browser from the link button: Discord's authorize page as `discordUserId`, then the Graph sign-in
 * (Instagram's authorize page, or Facebook's dialog as the account's Facebook user) as `account`.
 */
export async function linkThroughPages(
  emulator: GraphEmulator,
  url: string,
  discordUserId: string,
  account: string,
): Promise<{ onGraph: Landing; page: Landing; visited: string[] }> {
  const browser = new FormBrowser();
  const onDiscord = await browser.get(url);
  const onGraph = await browser.submit(onDiscord, 'authorize', { user_id: discordUserId, decision: 'authorize' });
  const view = emulator.admin.accounts().find((a) => a.username === account);
  if (!view) throw new Error(`no account @${account} on the Graph emulator`);
  const fields: Record<string, string> = onGraph.url.includes('/dialog/oauth')
    ? { user_id: view.facebook_user_id!, decision: 'allow' }
    : { username: account, decision: 'allow' };
  const page = await browser.submit(onGraph, 'authorize', fields);
  return { onGraph, page, visited: browser.history };
}
