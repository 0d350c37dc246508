// The local sandbox that `npm start` runs when no credentials are configured: igcord's Instagram emulator on
// loopback, with a client whose redirect URI is igcord's own callback. The returned config is the real one with
// the emulator's address and credentials filled in, so everything downstream runs the same code as in production.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { startInstagramEmulator, SANDBOX_CLIENT, type InstagramEmulator } from '../sandbox/instagram/index.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';

export interface Sandbox {
  config: Config;
  instagram: InstagramEmulator;
  close(): Promise<void>;
}

export async function startSandbox(config: Config, log: Logger): Promise<Sandbox> {
  const publicUrl = config.http.publicUrl ?? `http://127.0.0.1:${config.http.port}`;
  const redirectUri = `${publicUrl}/oauth/callback`;
  const instagram = await startInstagramEmulator({
    host: '127.0.0.1',
    windowMs: config.limits.windowMs,
    clients: [{ ...SANDBOX_CLIENT, redirectUris: [...new Set([redirectUri, ...SANDBOX_CLIENT.redirectUris])] }],
  });
  log.info({ url: instagram.url }, 'sandbox: Instagram emulator started');
  return {
    instagram,
    config: {
      ...config,
      dataDir: join(config.dataDir, 'sandbox'),
      http: { ...config.http, publicUrl },
      instagram: {
        ...config.instagram,
        apiUrl: instagram.url,
        clientId: SANDBOX_CLIENT.clientId,
        clientSecret: SANDBOX_CLIENT.clientSecret,
        mode: 'sandbox',
        webhookVerifyToken: config.instagram.webhookVerifyToken ?? randomBytes(16).toString('hex'),
      },
    },
    close: () => instagram.close(),
  };
}
