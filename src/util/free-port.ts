// An unused TCP port on this machine, for the sandbox: its emulator must know igcord's callback URL (and so the
// port) before igcord listens. Another process could take the port in between; the listen then fails loudly.
// The port is picked below Linux's ephemeral range (32768–60999 by default), from which the kernel hands out both
// `listen(0)` ports and the local ports of outgoing connections: a port taken from that range can be given to any
// new outgoing connection of a busy machine before igcord binds it, a port below it cannot.
import { createServer } from 'node:net';

const LOW = 20_000;
const HIGH = 32_000;
const TRIES = 20;

function bindable(host: string, port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, host, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address !== null ? address.port : undefined;
      server.close(() => resolve(bound));
    });
  });
}

export async function freePort(host: string): Promise<number> {
  for (let i = 0; i < TRIES; i += 1) {
    const port = await bindable(host, LOW + Math.floor(Math.random() * (HIGH - LOW)));
    if (port !== undefined) return port;
  }
  // Every try was taken (a crowded range): let the kernel choose.
  const port = await bindable(host, 0);
  if (port === undefined) throw new Error(`no free TCP port on ${host}`);
  return port;
}
