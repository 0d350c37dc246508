// GET /metrics and GET /healthz of a whole igcord in sandbox mode, over HTTP: each metric moves when the thing it
// counts happens (a slash command, a signed webhook POST and a rejected one, an Instagram call, a feed delivery
// and its latency histogram), and /healthz turns 503 naming the failed check when the Instagram emulator or
// storage goes away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signNotification } from '../../src/providers/v1/subscriptions.js';
import { eventually } from '../support/eventually.js';
import { startTestIgcord, type TestIgcord } from '../support/igcord-harness.js';

/** The value of one series in a Prometheus text scrape, or undefined when the series is absent. */
function sample(text: string, series: string): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    if (line.slice(0, space) === series) return Number(line.slice(space + 1));
  }
  return undefined;
}

describe('operations endpoints', () => {
  let igcord: TestIgcord;
  const tokens: string[] = [];
  const scrape = async () => {
    const response = await fetch(`${igcord.app.http.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  beforeAll(async () => {
    igcord = await startTestIgcord();
  });
  afterAll(async () => {
    await igcord?.close();
  });

  it('serves every family with HELP and TYPE lines', async () => {
    const text = await scrape();
    for (const family of [
      'igcord_commands_total',
      'igcord_instagram_calls_total',
      'igcord_limiter_queued',
      'igcord_limiter_wait_seconds',
      'igcord_webhook_notifications_total',
      'igcord_feeds',
      'igcord_feed_dirty_sources',
      'igcord_storage_corrupt_records_total',
      'igcord_deliveries_total',
      'igcord_delivery_latency_seconds',
    ]) {
      expect(text).toContain(`# TYPE ${family} `);
    }
    expect(sample(text, 'igcord_limiter_queued')).toBe(0);
    expect(sample(text, 'igcord_feeds{state="active"}')).toBe(0);
  });

  it('counts a slash command by name and outcome once it has been answered', async () => {
    const series = 'igcord_commands_total{command="ping",kind="command",outcome="ok"}';
    expect(sample(await scrape(), series)).toBeUndefined();
    const handle = igcord.discord.sendCommand({
      channelId: igcord.guild.channels.general!,
      userId: igcord.personId,
      name: 'ping',
    });
    await handle.firstResponse();
    // The count is taken when the handler returns, right after it answered; poll rather than assume timing.
    const value = await eventually(async () => sample(await scrape(), series), 'the command to be counted');
    expect(value).toBe(1);
    expect(sample(await scrape(), 'igcord_command_duration_seconds_count{command="ping",kind="command"}')).toBe(1);
  });

  it('counts an accepted and a rejected webhook notification', async () => {
    const before = await scrape();
    expect(sample(before, 'igcord_webhook_notifications_total')).toBe(0);
    const body = JSON.stringify([
      {
        subscription_id: 1,
        object: 'user',
        object_id: '777',
        changed_aspect: 'media',
        time: 1700000000,
        data: { media_id: '1_777' },
      },
    ]);
    const post = (signature: string) =>
      fetch(`${igcord.app.http.url}/webhooks/instagram`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature': signature },
        body,
      });
    expect((await post(signNotification(body, igcord.app.config.instagram.clientSecret!))).status).toBe(200);
    expect((await post('0'.repeat(40))).status).toBe(401);
    const after = await scrape();
    expect(sample(after, 'igcord_webhook_notifications_total')).toBe(1);
    expect(sample(after, 'igcord_webhook_updates_total')).toBe(1);
    expect(sample(after, 'igcord_webhook_rejected_total{status="401"}')).toBe(1);
  });

  it('reports a source marked dirty until the delivery engine has read it', async () => {
    // The webhook's mark is read by the engine 20 ms later, so a scrape after a POST races it. The mark is made
    // here as the webhook makes it, without waking the engine; no feed follows this account, so nothing reads it
    // until the engine is poked.
    const source = 'account:888';
    const dirty = async () => (await igcord.app.storage.deliveries.listDirty()).map((d) => d.sourceKey);
    // Earlier tests' sources may still be marked: the gauge is compared with the marks stored at that moment.
    await igcord.app.storage.deliveries.markDirty(source);
    await eventually(async () => {
      const marked = await dirty();
      return marked.includes(source) && sample(await scrape(), 'igcord_feed_dirty_sources') === marked.length;
    }, 'the gauge to count the new mark');
    igcord.app.deliveries.poke(source);
    await eventually(async () => !(await dirty()).includes(source), 'the engine to read the dirty source');
    await eventually(
      async () => sample(await scrape(), 'igcord_feed_dirty_sources') === (await dirty()).length,
      'the gauge to follow',
    );
  });

  it("counts Instagram calls by priority and outcome, their limiter wait, and the limiter's own counters", async () => {
    const { instagramUserId, accessToken } = await igcord.link(
      '100000000000000001',
      igcord.emulator.admin.users()[0]!.username as string,
    );
    tokens.push(accessToken);
    const auth = { userId: instagramUserId, accessToken };
    // Other parts of igcord call Instagram on their own (subscriptions at start, feed polls): compare deltas.
    const before = await scrape();
    const ok = 'igcord_instagram_calls_total{priority="interactive",outcome="ok"}';
    const notFound = 'igcord_instagram_calls_total{priority="interactive",outcome="InstagramNotFoundError"}';
    const waits = 'igcord_limiter_wait_seconds_count{priority="interactive"}';
    const started = 'igcord_limiter_events_total{event="started"}';
    await igcord.app.instagram.users.self(auth);
    await expect(igcord.app.instagram.users.get(auth, '999999999999')).rejects.toThrow();
    const after = await scrape();
    const delta = (series: string) => (sample(after, series) ?? 0) - (sample(before, series) ?? 0);
    expect(delta(ok)).toBe(1);
    expect(delta(notFound)).toBe(1);
    expect(delta(waits)).toBe(2);
    expect(delta(started)).toBeGreaterThanOrEqual(2);
  });

  it('counts attempts Instagram answers with 429', async () => {
    const { instagramUserId, accessToken } = await igcord.link(
      '100000000000000002',
      igcord.emulator.admin.users()[1]!.username as string,
    );
    tokens.push(accessToken);
    const fault = igcord.emulator.admin.injectFault({ path: '^/v1/users/self$', kind: 'ratelimit', times: 1 });
    try {
      await igcord.app.instagram.users
        .self({ userId: instagramUserId, accessToken }, { deadlineMs: 500 })
        .catch(() => undefined);
    } finally {
      igcord.emulator.admin.removeFault(fault.id);
    }
    const text = await scrape();
    expect(sample(text, 'igcord_instagram_rate_limited_attempts_total{priority="interactive"}')).toBe(1);
    expect(sample(text, 'igcord_limiter_events_total{event="rate_limited"}')).toBeGreaterThanOrEqual(1);
  });

  it('counts a feed delivery and reports feeds by state once a followed account posts', async () => {
    const username = igcord.emulator.admin.users()[2]!.username as string;
    const { instagramUserId, accessToken } = await igcord.link(igcord.personId, username);
    tokens.push(accessToken);
    const channelId = igcord.guild.channels.instagram!;
    const feed = await igcord.app.storage.feeds.add({
      guildId: igcord.guild.guildId,
      channelId,
      source: { kind: 'account', instagramUserId },
      ownerDiscordUserId: igcord.personId,
      ownerInstagramUserId: instagramUserId,
      createdBy: igcord.personId,
      delivery: { mode: 'message' },
    });
    await igcord.app.deliveries.initSource(feed);
    const before = await scrape();
    expect(sample(before, 'igcord_feeds{state="active"}')).toBe(1);
    expect(sample(before, 'igcord_deliveries_total') ?? 0).toBe(0);
    expect(sample(before, 'igcord_delivery_latency_seconds_count') ?? 0).toBe(0);
    expect(sample(before, 'igcord_delivery_latency_seconds_bucket{le="+Inf"}') ?? 0).toBe(0);

    igcord.emulator.admin.postMedia(instagramUserId, { caption: 'metrics watch this' });
    await igcord.discord.waitForMessage(
      channelId,
      (m) => m.embeds.some((e) => e.description?.includes('metrics watch this') ?? false),
      60_000,
    );
    const delivered = await eventually(async () => {
      const value = sample(await scrape(), 'igcord_deliveries_total');
      return value !== undefined && value >= 1 ? value : undefined;
    }, 'the delivery to be counted');
    expect(delivered).toBe(1);
    const after = await scrape();
    expect(sample(after, 'igcord_delivery_last_latency_seconds')).toBeGreaterThanOrEqual(0);
    // The delivery followed the emulator's notification: one observation, in every bucket at or above its latency.
    expect(sample(after, 'igcord_delivery_latency_seconds_count')).toBe(1);
    const latency = sample(after, 'igcord_delivery_latency_seconds_sum')!;
    expect(latency).toBeGreaterThanOrEqual(0);
    expect(latency).toBe(sample(after, 'igcord_delivery_last_latency_seconds'));
    const buckets = after
      .split('\n')
      .map((line) => /^igcord_delivery_latency_seconds_bucket\{le="([^"]+)"\} (\d+)$/.exec(line))
      .filter((m) => m !== null)
      .map((m) => ({ le: m[1] === '+Inf' ? Infinity : Number(m[1]), value: Number(m[2]) }));
    expect(buckets.length).toBeGreaterThan(1);
    for (const bucket of buckets) expect(bucket.value).toBe(latency <= bucket.le ? 1 : 0);
    expect(sample(after, 'igcord_instagram_calls_total{priority="delivery",outcome="ok"}')).toBeGreaterThanOrEqual(1);
  });

  it('logs JSON lines with a child logger per interaction and per delivery, and never a token', async () => {
    const lines = igcord
      .logs()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const ping = lines.filter((l) => l.command === 'ping');
    expect(ping.length).toBeGreaterThan(0);
    expect(ping.every((l) => typeof l.interactionId === 'string' && l.userId === igcord.personId)).toBe(true);
    const delivered = lines.filter((l) => l.msg === 'media delivered');
    expect(delivered.length).toBeGreaterThan(0);
    expect(delivered.every((l) => typeof l.feedId === 'string' && typeof l.mediaId === 'string')).toBe(true);
    for (const token of tokens) expect(igcord.logs()).not.toContain(token);
  });

  it('answers /healthz 200 with every check ok', async () => {
    const response = await fetch(`${igcord.app.http.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: true,
      discord: { status: 'ok', gateway: 'Ready' },
      storage: { status: 'ok' },
      instagram: { status: 'ok' },
    });
  });

  it('answers /healthz 503 naming Instagram when the emulator is down', async () => {
    await igcord.emulator.close();
    const response = await fetch(`${igcord.app.http.url}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      ok: false,
      instagram: { status: 'down' },
      storage: { status: 'ok' },
      discord: { status: 'ok' },
    });
  });

  it('answers /healthz 503 naming storage once storage is closed', async () => {
    await igcord.app.storage.close();
    const response = await fetch(`${igcord.app.http.url}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ok: false, storage: { status: 'down' } });
  });
});
