// Notification → Discord message latency of feed delivery, end to end: all of igcord in sandbox mode (real HTTP
// webhook route, SQLite, limiter, discord.js against the Discord fake), the Instagram emulator posting media at a
// steady 50 per second across 100 followed accounts with 3 feeds each (300 feeds), each post notified, fetched
// once and posted to every feed of its account. The emulator seeds the sandbox's 10 users; the other 90 sources
// are users added through its admin extension (createUser), which exists for this scale. Latency runs from the
// emulator's post to the message's timestamp on the fake; afterwards every (feed, media) is checked for lost and
// duplicated messages. With BENCH_TEMPLATES=1 every feed carries a template (the starter one, `{time}` in a set
// time zone), to compare with the built-in rendering. When run on its own it also prints the listener-vs-bare-node:http ratio (delivery-listener).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startIgcord } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { silentLogger } from '../src/log.js';
import type { Feed } from '../src/storage/index.js';
import { STARTER_TEMPLATE } from '../src/core/index.js';
import type { FilterRule } from '../src/core/index.js';
import type { BenchRow } from './index.js';

const RATE_PER_SECOND = 50;
const DURATION_S = 10;
const SOURCES = 100;
const FEEDS_PER_SOURCE = 3;
const SETTLE_TIMEOUT_MS = 60_000;
const TEMPLATED = process.env.BENCH_TEMPLATES === '1';
/**
 * `BENCH_FILTERS=1`: every feed also carries filter rules (docs/decisions/0025) that every bench post passes — a
 * hostile regular expression, a keyword, and an include rule of each kind — so the run pays for deciding each post
 * and still expects every message. Compare its p99 with a run without.
 */
const FILTERS: FilterRule[] | undefined =
  process.env.BENCH_FILTERS === '1'
    ? [
        { mode: 'exclude', field: 'regex', value: '(a+)+$' },
        { mode: 'exclude', field: 'keyword', value: 'never in a bench caption' },
        ...(['image', 'video', 'carousel'] as const).map((kind) => ({
          mode: 'include' as const,
          field: 'kind' as const,
          value: kind,
        })),
      ]
    : undefined;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export default async function delivery(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'igcord-bench-delivery-'));
  const app = await startIgcord(
    loadConfig({ DATA_DIR: dataDir, HTTP_HOST: '127.0.0.1', HTTP_PORT: '0', LOG_LEVEL: 'silent' }),
    silentLogger(),
    {
      discordClientOptions: {
        rest: { timeout: 10_000, retries: 3, globalRequestsPerSecond: 1e6 },
        waitGuildTimeout: 200,
      },
    },
  );
  const sandbox = app.sandbox!;
  const { instagram: emulator, discord, guild } = sandbox;
  if (!emulator) throw new Error('the bench runs on the v1 emulator (INSTAGRAM_PROVIDER=v1)');
  try {
    const seeded = emulator.admin.users();
    for (let i = seeded.length; i < SOURCES; i++)
      emulator.admin.createUser({ username: `bench.source${i}`, full_name: `Bench Source ${i}` });
    const users = emulator.admin.users().slice(0, SOURCES);
    const sources: Array<{ instagramUserId: string; feeds: Feed[] }> = [];
    for (const [i, user] of users.entries()) {
      const owner = discord.createUser({ username: `bench${i}` });
      // The engine reads only for a payer who is still an admin of the feed's server (as /feed add requires).
      discord.addMember(guild.guildId, owner.id, { roles: [guild.roles.admin!] });
      const minted = emulator.admin.mintToken({ username: String(user.username) });
      const instagramUserId = String(minted.user.id);
      await app.storage.accounts.link({
        discordUserId: owner.id,
        instagramUserId,
        username: String(user.username),
        scopes: ['basic'],
        accessToken: minted.access_token,
      });
      const feeds: Feed[] = [];
      for (let f = 0; f < FEEDS_PER_SOURCE; f++) {
        const channelId = discord.createChannel(guild.guildId, { name: `bench-${i}-${f}` });
        feeds.push(
          await app.storage.feeds.add({
            guildId: guild.guildId,
            channelId,
            source: { kind: 'account', instagramUserId },
            ownerDiscordUserId: owner.id,
            ownerInstagramUserId: instagramUserId,
            createdBy: owner.id,
            delivery: { mode: 'message' },
          }),
        );
      }
      if (TEMPLATED) for (const feed of feeds) await app.storage.feeds.update(feed.id, { template: STARTER_TEMPLATE });
      if (FILTERS !== undefined)
        for (const feed of feeds) await app.storage.feeds.update(feed.id, { filters: FILTERS });
      await app.deliveries.initSource(feeds[0]!);
      sources.push({ instagramUserId, feeds });
    }
    const feedCount = sources.length * FEEDS_PER_SOURCE;
    if (TEMPLATED) await app.storage.guildSettings.setTime(guild.guildId, { timeZone: 'Europe/Paris', format: 'long' });
    if (FILTERS !== undefined) console.log(`every feed filters with ${FILTERS.length} rules (BENCH_FILTERS=1)`);
    // initSource reads each source once to set its cursor: a cost of adding a feed, not of a post, so the
    // per-post figure counts only the calls made from here on (background polls included).
    const setupCalls = app.deliveries.stats().instagramCalls;
    console.log(
      `${TEMPLATED ? 'templated feeds; ' : ''}${sources.length} sources (${seeded.length} seeded, ${sources.length - seeded.length} created), ${feedCount} feeds, ${setupCalls} Instagram calls to set them up; ${RATE_PER_SECOND} posts/s for ${DURATION_S} s`,
    );

    // Post at a steady rate, round-robin over the sources; remember when each caption was posted.
    const postedAt = new Map<string, { at: number; source: number }>();
    const total = RATE_PER_SECOND * DURATION_S;
    const began = performance.now();
    for (let n = 0; n < total; n++) {
      const due = began + (n * 1000) / RATE_PER_SECOND;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const s = n % sources.length;
      const caption = `bench post ${n}`;
      postedAt.set(caption, { at: Date.now(), source: s });
      emulator.admin.postMedia(sources[s]!.instagramUserId, { caption });
    }
    const postingSeconds = (performance.now() - began) / 1000;

    // Wait until every feed has every post of its source, or the settle timeout.
    const expected = total * FEEDS_PER_SOURCE;
    const delivered = () =>
      sources.reduce((sum, s) => sum + s.feeds.reduce((n, f) => n + discord.messages(f.channelId).length, 0), 0);
    const settleBy = Date.now() + SETTLE_TIMEOUT_MS;
    while (delivered() < expected && Date.now() < settleBy) await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, 500));

    const latencies: number[] = [];
    let lost = 0;
    let duplicated = 0;
    for (const [s, source] of sources.entries()) {
      for (const feed of source.feeds) {
        const seen = new Map<string, number>();
        for (const message of discord.messages(feed.channelId)) {
          const caption = message.embeds[0]?.description ?? '';
          seen.set(caption, (seen.get(caption) ?? 0) + 1);
          const posted = postedAt.get(caption);
          if (posted && seen.get(caption) === 1) latencies.push(Date.parse(message.timestamp) - posted.at);
        }
        for (const [caption, posted] of postedAt) {
          if (posted.source !== s) continue;
          const times = seen.get(caption) ?? 0;
          if (times === 0) lost += 1;
          if (times > 1) duplicated += times - 1;
        }
      }
    }
    latencies.sort((a, b) => a - b);
    const stats = app.deliveries.stats();
    const runCalls = stats.instagramCalls - setupCalls;
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    console.log(
      `posted ${total} media in ${postingSeconds.toFixed(1)} s; ${latencies.length}/${expected} messages; engine: ${stats.runs} runs, ${stats.polls} polls, ${runCalls} Instagram calls, ${stats.failures} failures, ${stats.retries} retries`,
    );
    console.log(
      `latency post → message: p50 ${p50} ms, p99 ${p99} ms, max ${latencies.at(-1)} ms; lost ${lost}, duplicated ${duplicated}`,
    );
    const rows: BenchRow[] = [
      {
        bench: 'delivery',
        metric: `latency p50 (${RATE_PER_SECOND}/s, ${sources.length} sources, ${feedCount} feeds)`,
        value: `${p50} ms`,
      },
      {
        bench: 'delivery',
        metric: `latency p99 (${RATE_PER_SECOND}/s, ${sources.length} sources, ${feedCount} feeds${FILTERS ? ', filters' : ''})`,
        value: `${p99} ms`,
        goal: '< 250 ms',
      },
      { bench: 'delivery', metric: 'lost posts', value: String(lost), goal: '0' },
      { bench: 'delivery', metric: 'duplicated posts', value: String(duplicated), goal: '0' },
      { bench: 'delivery', metric: 'Instagram calls per post', value: (runCalls / total).toFixed(2), goal: '≤ 1' },
    ];
    await app.close();
    const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
    // The listener ratio lives in delivery-listener.ts; run it here only when it was not asked for itself.
    if (asked.length > 0 && !asked.includes('delivery-listener')) {
      console.log('\n--- webhook listener vs bare node:http (delivery-listener)');
      rows.push(...(await (await import('./delivery-listener.js')).default()));
    }
    return rows;
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
