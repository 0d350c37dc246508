// A person's Discord locale kept with their link, for igcord's own DMs: against SQLite, Redis and PostgreSQL, it is
// written only when it changed, survives a reopen of the storage (a restart), stays over a relink, is never kept
// without a link, and a value Discord would never send is refused rather than making the record unreadable.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../../src/storage/index.js';
import { BACKENDS, createPlace, type TestPlace } from './backends.js';
import { WatchedBackend } from './watched-backend.js';

const PERSON = '111111111111111111';

describe.each(BACKENDS)('a linked person’s locale on %s', (backend) => {
  let place: TestPlace;
  let storage: Storage;
  let watched: WatchedBackend;

  beforeEach(async () => {
    place = await createPlace(backend);
    watched = new WatchedBackend();
    storage = await place.open({ wrapBackend: watched.wrap });
  });
  afterEach(async () => {
    await storage.close();
    await place.cleanup();
  });

  const link = (username = 'cat.photos') =>
    storage.accounts.link({
      discordUserId: PERSON,
      instagramUserId: '9001',
      username,
      scopes: ['basic'],
      accessToken: '9001.abcdef.secret-token',
    });

  it('is written only when it changes, and read back after a restart', async () => {
    expect(await storage.accounts.recordLocale(PERSON, 'es-ES')).toBe(false);
    expect(await storage.accounts.get(PERSON)).toBeUndefined();
    await link();
    expect(await storage.accounts.recordLocale(PERSON, 'es-ES')).toBe(true);
    const writes = watched.writes;
    expect(await storage.accounts.recordLocale(PERSON, 'es-ES')).toBe(false);
    expect(watched.writes).toBe(writes);
    expect(await storage.accounts.recordLocale(PERSON, 'pt-BR')).toBe(true);
    await storage.close();
    storage = await place.open();
    expect((await storage.accounts.get(PERSON))?.locale).toBe('pt-BR');
  });

  it('stays over a relink, and refuses what is not a Discord locale', async () => {
    await link();
    await storage.accounts.recordLocale(PERSON, 'es-419');
    await link('other.name');
    expect(await storage.accounts.get(PERSON)).toMatchObject({ username: 'other.name', locale: 'es-419' });
    expect(await storage.accounts.recordLocale(PERSON, 'not a locale; drop table')).toBe(false);
    expect((await storage.accounts.get(PERSON))?.locale).toBe('es-419');
  });
});
