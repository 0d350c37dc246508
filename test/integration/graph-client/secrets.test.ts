// Secrets never reach the Graph client's logs: a whole Instagram Login link, calls, a refresh, and failing calls
// (a reset connection, a token error) logged at debug level name methods, paths, statuses and usage, but no
// access token, app secret or OAuth code the run handed out.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphEmulator, type GraphEmulator } from '../../../sandbox/instagram-graph/index.js';
import { createLogger } from '../../../src/log.js';
import { createGraphClient } from '../../../src/providers/graph/client.js';
import { callback, DAY, signIn, VERSION } from './helpers.js';

const START = Date.UTC(2026, 10, 2, 12, 0, 0);
let emu: GraphEmulator;
beforeAll(async () => {
  emu = await startGraphEmulator({ seed: 'client-secrets', now: START, frozenClock: true });
});
afterAll(() => emu.close());

describe('Graph client logs', () => {
  it('carry no token, secret or code through a link, calls, a refresh and failures', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = emu.admin.app();
    const client = createGraphClient({
      login: 'instagram',
      hosts: emu.hosts,
      version: VERSION,
      appId: app.instagramAppId,
      appSecret: app.instagramAppSecret,
      redirectUri: app.redirectUris[0] ?? '',
      timeoutMs: 5_000,
      now: () => emu.admin.now(),
      log: createLogger({ level: 'debug', destination }),
    });
    const { code } = callback((await signIn(client.oauth.authorizeUrl({ state: 's' }), 'igcord.studio')).location);
    const link = await client.oauth.completeLink(code);
    const auth = { userId: link.userId, accessToken: link.accessToken };
    await client.collect(() => client.media.recent(auth, { limit: 10 }));
    emu.admin.advance(2 * DAY);
    await client.oauth.instagram.refresh(link.accessToken);
    emu.admin.injectFault({ path: '/me/media$', kind: 'reset', times: 1 });
    await expect(client.media.recent(auth)).rejects.toThrow();
    emu.admin.revokeToken(link.accessToken, 'invalid');
    await expect(client.profile(auth)).rejects.toThrow();

    const text = lines.join('');
    expect(lines.filter((l) => l.includes('"graph call"')).length).toBeGreaterThanOrEqual(6);
    expect(text).toContain('failed to connect');
    const secrets = [...emu.issuedTokens(), app.instagramAppSecret, code.replace(/#_$/, '')];
    for (const secret of secrets)
      expect(text.includes(secret), `a secret (${secret.slice(0, 4)}…) reached the log`).toBe(false);
  });
});
