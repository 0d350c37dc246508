// Secrets at rest, checked on the raw bytes each backend holds: the SQLite file (and its WAL), the Redis values,
// the PostgreSQL rows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TokenDecryptError, type Storage } from '../../../src/storage/index.js';
import { BACKENDS, createPlace, KEY_A, KEY_B, type TestPlace } from './backends.js';

describe.each(BACKENDS)('secrets on %s', (backend) => {
  let place: TestPlace;
  let storage: Storage;

  beforeEach(async () => {
    place = await createPlace(backend);
    storage = await place.open();
  });
  afterEach(async () => {
    await storage.close();
    await place.cleanup();
  });

  const tokens = ['1001.aaaaaaaaaaaaaaaaaaaaaaaa.secretone', '1002.bbbbbbbbbbbbbbbbbbbbbbbb.secrettwo'];

  it('keeps no access token, webhook token or interaction token in clear in the raw storage', async () => {
    await storage.accounts.link({
      discordUserId: '111111111111111111',
      instagramUserId: '1001',
      username: 'one',
      scopes: ['basic'],
      accessToken: tokens[0]!,
    });
    await storage.accounts.link({
      discordUserId: '222222222222222222',
      instagramUserId: '1002',
      username: 'two',
      scopes: ['basic'],
      accessToken: tokens[1]!,
    });
    await storage.feeds.add({
      guildId: '100000000000000001',
      channelId: '200000000000000001',
      source: { kind: 'tag', name: 'cats' },
      ownerDiscordUserId: '111111111111111111',
      ownerInstagramUserId: '1001',
      createdBy: '111111111111111111',
      delivery: { mode: 'webhook', webhookId: '500000000000000001', webhookToken: 'webhooksecretzzzzzzzz' },
    });
    await storage.oauthStates.create({
      discordUserId: '111111111111111111',
      interactionToken: 'interactionsecretqqqq',
      scopes: ['basic'],
    });
    const raw = await place.rawDump();
    // The dump is the real storage: the usernames written alongside the tokens are there.
    expect(raw).toContain('"username":"one"');
    expect(raw).toContain('"username":"two"');
    for (const secret of [...tokens, 'secretone', 'webhooksecretzzzzzzzz', 'interactionsecretqqqq']) {
      expect(raw).not.toContain(secret);
      expect(raw).not.toContain(Buffer.from(secret).toString('base64'));
    }
    expect(raw).toMatch(/"token":"v1\.keyA\./);
  });

  it('fails to decrypt a tampered token with a clear error', async () => {
    await storage.accounts.link({
      discordUserId: '111111111111111111',
      instagramUserId: '1001',
      username: 'one',
      scopes: [],
      accessToken: tokens[0]!,
    });
    const envelope = JSON.parse((await place.rawRead('account:111111111111111111'))!) as { value: { token: string } };
    const parts = envelope.value.token.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 0x01;
    parts[3] = body.toString('base64url');
    envelope.value.token = parts.join('.');
    await place.rawWrite('account:111111111111111111', JSON.stringify(envelope));
    const failure = await storage.accounts.getWithToken('111111111111111111').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TokenDecryptError);
    expect((failure as TokenDecryptError).reason).toBe('tampered');
    expect((failure as Error).message).toMatch(/failed its integrity check under key "keyA"/);
  });

  it("refuses a token copied from another account's record", async () => {
    await storage.accounts.link({
      discordUserId: '111111111111111111',
      instagramUserId: '1001',
      username: 'one',
      scopes: [],
      accessToken: tokens[0]!,
    });
    await storage.accounts.link({
      discordUserId: '222222222222222222',
      instagramUserId: '1002',
      username: 'two',
      scopes: [],
      accessToken: tokens[1]!,
    });
    const one = JSON.parse((await place.rawRead('account:111111111111111111'))!) as { value: { token: string } };
    const two = JSON.parse((await place.rawRead('account:222222222222222222'))!) as { value: { token: string } };
    two.value.token = one.value.token;
    await place.rawWrite('account:222222222222222222', JSON.stringify(two));
    await expect(storage.accounts.getWithToken('222222222222222222')).rejects.toMatchObject({ reason: 'tampered' });
  });

  it('reads records made with a rotated-out key, re-encrypts them with the newest, and names a missing key', async () => {
    await storage.accounts.link({
      discordUserId: '111111111111111111',
      instagramUserId: '1001',
      username: 'one',
      scopes: [],
      accessToken: tokens[0]!,
    });
    await storage.close();
    storage = await place.open({ keys: { current: KEY_B, previous: [KEY_A] } });
    expect((await storage.accounts.getWithToken('111111111111111111'))?.accessToken).toBe(tokens[0]);
    expect(await place.rawRead('account:111111111111111111')).toMatch(/"token":"v1\.keyB\./);
    await storage.accounts.link({
      discordUserId: '222222222222222222',
      instagramUserId: '1002',
      username: 'two',
      scopes: [],
      accessToken: tokens[1]!,
    });
    await storage.close();
    storage = await place.open({ keys: { current: KEY_A } });
    await expect(storage.accounts.getWithToken('222222222222222222')).rejects.toThrow(
      /encrypted with key "keyB", which is not configured/,
    );
  });

  it('re-encrypts a webhook token made with a rotated-out key when the feed is read, so retiring that key later breaks nothing', async () => {
    const input = {
      guildId: '100000000000000001',
      channelId: '200000000000000001',
      source: { kind: 'account' as const, instagramUserId: '1001' },
      ownerDiscordUserId: '111111111111111111',
      ownerInstagramUserId: '1001',
      createdBy: '111111111111111111',
    };
    const byGet = await storage.feeds.add({
      ...input,
      delivery: { mode: 'webhook', webhookId: '500000000000000001', webhookToken: 'webhooksecretone' },
    });
    const byList = await storage.feeds.add({
      ...input,
      channelId: '200000000000000002',
      delivery: { mode: 'webhook', webhookId: '500000000000000002', webhookToken: 'webhooksecrettwo' },
    });
    await storage.close();

    storage = await place.open({ keys: { current: KEY_B, previous: [KEY_A] } });
    const read = await storage.feeds.get(byGet.id);
    expect(storage.feeds.webhookToken(read!)).toBe('webhooksecretone');
    expect(await place.rawRead(`feed:${byGet.id}`)).toMatch(/"webhookTokenEncrypted":"v1\.keyB\./);
    const listed = await storage.feeds.listBySource(input.source);
    expect(listed.map((f) => storage.feeds.webhookToken(f)).sort()).toEqual(['webhooksecretone', 'webhooksecrettwo']);
    expect(await place.rawRead(`feed:${byList.id}`)).toMatch(/"webhookTokenEncrypted":"v1\.keyB\./);
    await storage.close();

    storage = await place.open({ keys: { current: KEY_B } });
    expect(storage.feeds.webhookToken((await storage.feeds.get(byGet.id))!)).toBe('webhooksecretone');
    expect(storage.feeds.webhookToken((await storage.feeds.get(byList.id))!)).toBe('webhooksecrettwo');
    const raw = await place.rawDump();
    expect(raw).not.toContain('webhooksecretone');
    expect(raw).not.toContain('webhooksecrettwo');
  });
});
