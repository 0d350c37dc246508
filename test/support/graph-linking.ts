// igcord linking through a Graph emulator: the emulator knows igcord's callback (the port is chosen first), and the
// Graph client built against it is handed to igcord as its linker, as the composition root does once the Graph
// provider is configured.
import { createGraphClient } from '../../src/providers/graph/client.js';
import { createGraphLinker } from '../../src/providers/graph/linker.js';
import type { GraphLogin } from '../../src/providers/graph/api-call.js';
import { freePort } from '../../src/util/free-port.js';
import { SANDBOX_GRAPH_APP, startGraphEmulator, type GraphEmulator } from '../../sandbox/instagram-graph/index.js';
import { startTestIgcord, type TestIgcord } from './igcord-harness.js';

export async function startOnGraph(login: GraphLogin): Promise<{ igcord: TestIgcord; emulator: GraphEmulator }> {
  const port = await freePort('127.0.0.1');
  const emulator = await startGraphEmulator({ seed: `glink-${login}`, app: { ...SANDBOX_GRAPH_APP, redirectUris: [`http://127.0.0.1:${port}/oauth/callback`] } });
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
