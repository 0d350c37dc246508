// Runs the whole of igcord for an end-to-end test, as `npm start` runs the sandbox: the Instagram emulator, the
// Discord fake, the real discord.js client, the HTTP server, the limiter and SQLite storage in a temp directory.
// Everything is real and on loopback; the test drives it as a person would (slash commands on the fake, media
// posted on the emulator) and reads what the fake received. Closing it checks every line igcord and the fakes
// logged against every secret the run created (test/support/secret-scan.ts) and fails when one is there.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { ClientOptions } from 'discord.js';
import { startIgcord, type Igcord, type StartOptions } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { DeliveryTuning } from '../../src/feeds/index.js';
import { createLogger } from '../../src/log.js';
import type { InstagramEmulator } from '../../sandbox/instagram/index.js';
import {
  assertNoSecretLogged,
  discordSecrets,
  instagramSecrets,
  keySecrets,
  sandboxKeySecrets,
  type NamedSecret,
} from './secret-scan.js';

export interface TestIgcord {
  app: Igcord;
  emulator: InstagramEmulator;
  discord: NonNullable<Igcord['sandbox']>['discord'];
  guild: NonNullable<Igcord['sandbox']>['guild'];
  /** The guild owner (Manage Server), a ready-made person to send commands as. */
  personId: string;
  /** Every log line igcord (and the Discord fake, through igcord's logger) wrote, as text. */
  logs(): string;
  /** Every secret this run created so far, by name: what `close()` checks the logs against. */
  secrets(): Promise<NamedSecret[]>;
  /**
   * Links `discordUserId` to the seeded Instagram user `username` directly in storage, with a token minted on the
   * emulator (for tests that are not about the OAuth flow itself). Returns the Instagram user id and the token.
   */
  link(
    discordUserId: string,
    username: string,
    scopes?: string[],
  ): Promise<{ instagramUserId: string; accessToken: string }>;
  /** Stops igcord, then fails if any log line contains a secret of this run. */
  close(): Promise<void>;
}

/**
 * `env` overrides the environment; `feeds` tunes the delivery engine (short polls and retries for feed tests);
 * `discordClient` is merged over the harness's discord.js options (e.g. a short cache sweep interval).
 */
export async function startTestIgcord(
  env: Record<string, string> = {},
  feeds?: Partial<DeliveryTuning>,
  discordClient?: Partial<ClientOptions>,
  /** Wiring over the sandbox's (e.g. a Graph linker built against a Graph emulator). */
  start: Pick<StartOptions, 'linker'> = {},
): Promise<TestIgcord> {
  const dataDir = mkdtempSync(join(tmpdir(), 'igcord-e2e-'));
  const config = loadConfig({ DATA_DIR: dataDir, HTTP_HOST: '127.0.0.1', HTTP_PORT: '0', LOG_LEVEL: 'debug', ...env });
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  const log = createLogger({ level: config.logLevel, destination });
  const app = await startIgcord(config, log, {
    discordClientOptions: {
      rest: { timeout: 5000, retries: 1, globalRequestsPerSecond: 1e6 },
      waitGuildTimeout: 200,
      ...discordClient,
    },
    feeds,
    ...start,
  });
  const sandbox = app.sandbox;
  if (!sandbox) throw new Error('the test harness runs igcord in sandbox mode');
  const emulator = sandbox.instagram;
  if (!emulator) throw new Error('the test harness runs igcord on the v1 emulator (INSTAGRAM_PROVIDER=v1)');
  const secrets = async (): Promise<NamedSecret[]> => {
    const { clientSecret, webhookVerifyToken } = app.config.instagram;
    const { encryptionKey, previousKeys } = app.config.storage;
    return [
      ...discordSecrets(sandbox.discord.issuedTokens()),
      ...instagramSecrets(emulator.issuedTokens()),
      ...(clientSecret ? [{ name: 'the Instagram client secret', value: clientSecret }] : []),
      ...(webhookVerifyToken ? [{ name: 'the webhook verify token', value: webhookVerifyToken }] : []),
      ...[encryptionKey, ...previousKeys].flatMap((k) => (k ? keySecrets(`encryption key ${k.id}`, k.key) : [])),
      ...(await sandboxKeySecrets(app.config.dataDir)),
    ];
  };
  let closed: Promise<void> | undefined;
  return {
    app,
    emulator,
    discord: sandbox.discord,
    guild: sandbox.guild,
    personId: sandbox.personId,
    logs: () => lines.join(''),
    secrets,
    async link(discordUserId, username, scopes) {
      const minted = emulator.admin.mintToken({ username, ...(scopes ? { scopes } : {}) });
      const instagramUserId = String(minted.user.id);
      await app.storage.accounts.link({
        discordUserId,
        instagramUserId,
        username,
        scopes: scopes ?? app.config.instagram.scopes,
        accessToken: minted.access_token,
      });
      return { instagramUserId, accessToken: minted.access_token };
    },
    close() {
      closed ??= (async () => {
        try {
          await app.close();
        } finally {
          assertNoSecretLogged(lines.join(''), await secrets(), "igcord's log");
        }
      })();
      return closed;
    },
  };
}
