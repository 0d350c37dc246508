// An unused TCP port on this machine, for the sandbox: its emulator must know igcord's callback URL (and so the
// port) before igcord listens. Another process could take the port in between; the listen then fails loudly.
import { createServer } from 'node:net';

export function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
