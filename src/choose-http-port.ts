// Which port igcord's HTTP server takes, settled before anything starts. The sandbox is someone trying igcord on
// their own machine, where 3000 is often another dev server's: with HTTP_PORT unset it moves to a free port (and
// main.ts says so). A port asked for with HTTP_PORT, and the live default that a proxy or PUBLIC_URL points at,
// are never swapped for another: a busy one is a PortInUseError naming it, before igcord reaches Discord.
import { createServer } from 'node:net';
import type { Config } from './config.js';

export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  constructor(
    readonly port: number,
    readonly host: string,
    /** Whether HTTP_PORT asked for this port, or it is the default. */
    readonly fromVariable: boolean,
  ) {
    super(
      `igcord cannot start: port ${port} on ${host} is already in use (${fromVariable ? `HTTP_PORT=${port}` : `HTTP_PORT unset, so ${port}`}); ` +
        'stop what uses it or set HTTP_PORT to a free port',
    );
  }
}

/** True if nothing listens on `port` at `host` now (another program may still take it before igcord does). */
export function portIsFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EADDRINUSE' ? resolve(false) : reject(error),
    );
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

export interface ChosenPort {
  config: Config;
  /** Set when the sandbox left this busy default port for a free one. */
  movedFrom: number | undefined;
}

/**
 * `config` with the HTTP port igcord will take. `portFromVariable`: HTTP_PORT was set (not blank). Port 0 (pick a
 * free one) is left as it is.
 */
export async function chooseHttpPort(config: Config, portFromVariable: boolean): Promise<ChosenPort> {
  const { host, port } = config.http;
  if (port === 0 || (await portIsFree(host, port))) return { config, movedFrom: undefined };
  // The sandbox's callback URLs are derived from the port it listens on, unless PUBLIC_URL fixes them.
  if (config.mode === 'sandbox' && !portFromVariable && config.http.publicUrl === undefined) {
    return { config: { ...config, http: { ...config.http, port: 0 } }, movedFrom: port };
  }
  throw new PortInUseError(port, host, portFromVariable);
}

/** A listen error from deeper down (the port was taken after the check) as the same PortInUseError, else undefined. */
export function asPortInUse(error: unknown, portFromVariable: boolean): PortInUseError | undefined {
  const e = error as { code?: unknown; port?: unknown; address?: unknown } | null;
  if (e?.code !== 'EADDRINUSE' || typeof e.port !== 'number') return undefined;
  return new PortInUseError(e.port, typeof e.address === 'string' ? e.address : 'this machine', portFromVariable);
}
