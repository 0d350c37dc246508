// Starting and stopping an emulator's node:http server, as both Instagram emulators do: each request handed to
// the emulator's dispatch, a dispatch that throws answered with the emulator's own 500 (or the connection ended
// when the answer has begun); listen on the given host and port (0 picks a free one) and say the base URL;
// closing stops listening and ends every open connection, so a keep-alive client cannot hold a shutdown open.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface Listening {
  /** `http://host:port`, an IPv6 host in brackets. */
  baseUrl: string;
  /** Stops listening and destroys the open connections; resolves once the server has closed. */
  close(): Promise<void>;
}

export interface ServeOptions {
  host?: string | undefined;
  port?: number | undefined;
  /** Names the emulator in the console line of a failed request. */
  label: string;
  /** Answers a request whose dispatch threw, as the emulated API answers an internal error. */
  answerFailure(res: ServerResponse): void;
}

export async function serve(
  dispatch: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  options: ServeOptions,
): Promise<Listening> {
  const server = createServer((req, res) => {
    dispatch(req, res).catch((error: unknown) => {
      console.error(`${options.label}: request failed`, error);
      if (!res.headersSent) options.answerFailure(res);
      else res.destroy();
    });
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  return {
    baseUrl: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () => {
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      return done;
    },
  };
}
