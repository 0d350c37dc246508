// The atomic take of single-use values (OAuth states), against SQLite, Redis and PostgreSQL: a value that comes
// back corrupt is already consumed, so it can be neither skipped for later repair nor honoured. It is reported
// (a warning naming the record, without the state or anything the record held) and surfaced as a
// StorageCorruptError, never passed off as an unknown state.
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/log.js';
import { StorageCorruptError, StorageError, type Storage } from '../../../src/storage/index.js';
import { BACKENDS, createPlace, type TestPlace } from './backends.js';

const USER = '111111111111111111';
const INTERACTION_TOKEN = 'aW50ZXJhY3Rpb246c2VjcmV0LXRva2VuLXZhbHVl';

interface Line {
  level: number;
  msg: string;
  storageKey?: string;
  record?: string;
  problems?: string[];
}

describe.each(BACKENDS)('taking a corrupt OAuth state on %s', (backend) => {
  let place: TestPlace;
  let storage: Storage;
  let lines: string[];

  beforeEach(async () => {
    place = await createPlace(backend);
    lines = [];
    const log = createLogger({
      level: 'debug',
      destination: new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }),
    });
    storage = await place.open({ log });
  });
  afterEach(async () => {
    await storage.close();
    await place.cleanup();
  });

  const warnings = () => lines.map((l) => JSON.parse(l) as Line).filter((l) => l.level === 40);

  it('reports a value that is not JSON and throws a StorageCorruptError, logging neither the state nor the value', async () => {
    const created = await storage.oauthStates.create({
      discordUserId: USER,
      interactionToken: INTERACTION_TOKEN,
      applicationId: '555555555555555555',
      scopes: ['basic'],
    });
    const garbage = `{"value": {"state": "${created.state}", "interactionTokenEncrypted": "v1.keyA.c2VjcmV0LWNpcGhlcnRleHQ`;
    await place.rawWrite(`oauth-state:${created.state}`, garbage);

    const taken = storage.oauthStates.take(created.state);
    await expect(taken).rejects.toBeInstanceOf(StorageCorruptError);
    await expect(taken).rejects.toBeInstanceOf(StorageError);
    const error = (await taken.catch((e: unknown) => e)) as StorageCorruptError;
    expect(error.message).not.toContain(created.state);

    const [report, ...others] = warnings();
    expect(others).toEqual([]);
    expect(report?.record).toBe('oauth state');
    expect(report?.msg).toContain('consumed');
    expect(report?.storageKey).toMatch(/^oauth-state:/);
    const text = lines.join('');
    expect(text).not.toContain(created.state);
    expect(text).not.toContain('c2VjcmV0LWNpcGhlcnRleHQ');
    // Taken all the same: it can never be honoured later.
    expect(await place.rawRead(`oauth-state:${created.state}`)).toBeUndefined();
    expect(storage.corruptRecords()).toBe(1);
  });

  it('reports a value that is JSON but not a state record and throws a StorageCorruptError, logging neither the state nor the value', async () => {
    const created = await storage.oauthStates.create({
      discordUserId: USER,
      interactionToken: INTERACTION_TOKEN,
      applicationId: '555555555555555555',
      scopes: ['basic'],
    });
    const raw = await place.rawRead(`oauth-state:${created.state}`);
    const envelope = JSON.parse(raw!) as { value: Record<string, unknown> };
    const ciphertext = String(envelope.value.interactionTokenEncrypted);
    await place.rawWrite(
      `oauth-state:${created.state}`,
      JSON.stringify({ ...envelope, value: { ...envelope.value, expiresAt: 'soon' } }),
    );

    await expect(storage.oauthStates.take(created.state)).rejects.toBeInstanceOf(StorageCorruptError);
    const [report, ...others] = warnings();
    expect(others).toEqual([]);
    expect(report?.record).toBe('oauth state');
    expect(report?.problems?.join()).toContain('expiresAt');
    const text = lines.join('');
    expect(text).not.toContain(created.state);
    expect(text).not.toContain(ciphertext);
    expect(await storage.oauthStates.take(created.state)).toEqual({ ok: false, reason: 'unknown' });
  });
});
