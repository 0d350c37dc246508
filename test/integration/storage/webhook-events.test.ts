// The Graph webhook event store on each real backend: a comments/mentions event recorded once however often it
// is delivered (its dedupe entry outlives Meta's 36 h of redelivery, and an acknowledged event stays known for as
// long), listed per account and field until acknowledged, and two processes recording the same event at once
// recording it once.
import { afterEach, describe, expect, it } from 'vitest';
import { WEBHOOK_DEDUPE_MS, type Storage, type WebhookEventInput } from '../../../src/storage/index.js';
import { BACKENDS, createPlace, type TestPlace } from './backends.js';

const START = Date.UTC(2026, 10, 2, 12, 0, 0);
const HOUR = 3_600_000;

const comment = (id: string, over: Partial<WebhookEventInput> = {}): WebhookEventInput => ({
  id: `c${id}`,
  accountId: '17841400000000001',
  field: 'comments',
  commentId: id,
  mediaId: '17900000000000001',
  text: `comment ${id}`,
  time: START,
  ...over,
});

describe.each(BACKENDS)('webhook events on %s', (backend) => {
  let place: TestPlace | undefined;
  const open: Storage[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
    await place?.cleanup();
    place = undefined;
  });

  async function storage(clock: { now: number }) {
    place ??= await createPlace(backend);
    const s = await place.open({ now: () => clock.now });
    open.push(s);
    return s;
  }

  it('records an event once and lists it as pending for its account and field until acknowledged', async () => {
    const clock = { now: START };
    const { webhookEvents } = await storage(clock);
    const first = await webhookEvents.record([comment('1'), comment('2')]);
    expect(first.map((e) => e.id)).toEqual(['c1', 'c2']);
    // The same events again (Meta's redelivery): nothing new.
    expect(await webhookEvents.record([comment('2'), comment('1')])).toEqual([]);
    const mention = comment('3', { id: 'm3', field: 'mentions', text: undefined });
    expect((await webhookEvents.record([mention])).map((e) => e.id)).toEqual(['m3']);

    const pending = await webhookEvents.listPending('17841400000000001', 'comments');
    expect(pending).toEqual([
      { ...comment('1'), receivedAt: START },
      { ...comment('2'), receivedAt: START },
    ]);
    expect((await webhookEvents.listPending('17841400000000001', 'mentions')).map((e) => e.id)).toEqual(['m3']);
    expect(await webhookEvents.listPending('17841400000000002', 'comments')).toEqual([]);

    await webhookEvents.acknowledge(['c1']);
    expect((await webhookEvents.listPending('17841400000000001', 'comments')).map((e) => e.id)).toEqual(['c2']);
    // Redelivered after it was acknowledged, within 36 h: still known, not pending again.
    clock.now = START + 35 * HOUR;
    expect(await webhookEvents.record([comment('1')])).toEqual([]);
    expect((await webhookEvents.listPending('17841400000000001', 'comments')).map((e) => e.id)).toEqual(['c2']);
  });

  it('keeps every event known for at least 36 h, by a time to live the backend enforces', async () => {
    expect(WEBHOOK_DEDUPE_MS).toBeGreaterThanOrEqual(36 * HOUR);
    const clock = { now: START };
    const { webhookEvents } = await storage(clock);
    await webhookEvents.record([comment('1')]);
    await webhookEvents.acknowledge(['c1']);
    const raw = await place!.rawRead('webhook-event:c1');
    expect(raw).toBeDefined();
    const expires = (JSON.parse(raw!) as { expires?: number }).expires;
    // keyv stamps the expiry with the wall clock: at least 36 h from now, and not kept forever.
    expect(expires).toBeGreaterThanOrEqual(Date.now() + 36 * HOUR - 60_000);
  });

  it('records an event delivered to two processes at once exactly once', async () => {
    const clock = { now: START };
    const a = await storage(clock);
    const b = await storage(clock);
    const [fromA, fromB] = await Promise.all([
      a.webhookEvents.record([comment('1'), comment('2')]),
      b.webhookEvents.record([comment('2'), comment('1')]),
    ]);
    expect([...fromA, ...fromB].map((e) => e.id).sort()).toEqual(['c1', 'c2']);
    expect((await a.webhookEvents.listPending('17841400000000001', 'comments')).map((e) => e.id)).toEqual(['c1', 'c2']);
  });
});
