// The finding of issue 17: the largest notification Instagram can send (a 64 KiB array, one update per account)
// was answered 503 by igcord, so Instagram would send it again and again. Here the whole of igcord runs on SQLite
// with its own webhook route, record timeout and sink; the batch must be acknowledged 200 and every source it
// names must be marked dirty. The runs those marks ask for are put off past the end of the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signNotification } from '../../src/providers/v1/subscriptions.js';
import { fullNotificationBatch } from '../support/full-batch.js';
import { startFeedsIgcord, type FeedsIgcord } from '../support/feeds-igcord.js';

describe('a full notification batch', () => {
  let igcord: FeedsIgcord;
  beforeAll(async () => {
    igcord = await startFeedsIgcord({ debounceMs: 600_000 });
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it("is acknowledged 200 by igcord's webhook route, and every source it names is marked dirty", async () => {
    const batch = fullNotificationBatch();
    const signature = signNotification(batch.body, igcord.app.config.instagram.clientSecret!);
    const answer = await fetch(`${igcord.app.http.url}/webhooks/instagram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature': signature },
      body: batch.body,
    });
    expect(answer.status).toBe(200);
    const dirty = new Set((await igcord.app.storage.deliveries.listDirty()).map((d) => d.sourceKey));
    expect(batch.sourceKeys.filter((sk) => !dirty.has(sk))).toEqual([]);
  });
});
