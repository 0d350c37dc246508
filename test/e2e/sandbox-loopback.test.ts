// The sandbox listens on loopback only, as its banner says: igcord's HTTP server, the Instagram emulator and the
// Discord fake hold a bot token, an app secret and anyone's sandbox account, so a sandbox started with no HTTP_HOST
// (as `npm start` does) must not be reachable from the network. Each server's bound address is checked, and a
// connection to each port on this machine's other interface addresses is refused.
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';

/** This machine's addresses that are not loopback (link-local IPv6 left out: it needs a zone to connect to). */
const outsideAddresses = Object.values(networkInterfaces())
  .flat()
  .filter((a) => a !== undefined && !a.internal && !(a.family === 'IPv6' && a.address.startsWith('fe80')))
  .map((a) => a!.address);

/** 'connected', or the error code of a refused connection. */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

describe('the sandbox on loopback', () => {
  let igcord: TestIgcord;
  const ports = () => ({
    igcord: igcord.app.http.port,
    instagram: Number(new URL(igcord.emulator.url).port),
    discord: Number(new URL(igcord.discord.url).port),
  });

  beforeAll(async () => {
    // HTTP_HOST blank is HTTP_HOST unset, as when a person runs `npm start` without a .env.
    igcord = await startTestIgcord({ HTTP_HOST: '' });
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it("binds igcord's HTTP server, the Instagram emulator and the Discord fake to 127.0.0.1", () => {
    expect(igcord.app.config.mode).toBe('sandbox');
    expect(igcord.app.http.address).toBe('127.0.0.1');
    expect(new URL(igcord.emulator.url).hostname).toBe('127.0.0.1');
    expect(new URL(igcord.discord.url).hostname).toBe('127.0.0.1');
  });

  it.skipIf(outsideAddresses.length === 0)(
    "refuses connections on this machine's other addresses and accepts them on loopback",
    async () => {
      for (const [name, port] of Object.entries(ports())) {
        expect(await tryConnect('127.0.0.1', port), `${name} on loopback`).toBe('connected');
        for (const address of outsideAddresses) {
          expect(await tryConnect(address, port), `${name} on ${address}`).toBe('ECONNREFUSED');
        }
      }
    },
  );
});
