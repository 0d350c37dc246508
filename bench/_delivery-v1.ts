// The delivery bench on v1 (run by delivery.ts): notification → Discord message latency, end to end — all of igcord
// in sandbox mode (real HTTP webhook route, SQLite, limiter, discord.js against the Discord fake), the Instagram
// emulator posting media at a steady 50 per second, each post notified, fetched once and posted to every feed of its
// account. Two groups of 100 followed accounts with 3 feeds each, side by side in the same igcord: the plain group's
// feeds render as built in; every feed of the other carries a template (the starter one, `{time}` in a set time
// zone) and filter rules that every bench post passes (a hostile regular expression, a keyword, an include rule of
// each kind: docs/decisions/0025), so the run pays for rendering and deciding each post and still expects every
// message. Posting alternates between the groups each second, so both see the same machine state (issue 16: p99
// with templates and filters within 10 % of without). The emulator seeds the sandbox's 10 users; the others are
// users added through its admin extension (createUser), which exists for this scale. Latency runs from the
// emulator's post to the message's timestamp on the fake; afterwards every (feed, media) is checked for lost and
// duplicated messages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startIgcord } from '../src/app.js';
import { silentLogger } from '../src/log.js';
import type { Feed } from '../src/storage/index.js';
import { STARTER_TEMPLATE, type FilterRule } from '../src/core/index.js';
import { benchConfig } from './_bench-config.js';
import { percentile } from './_latency-breakdown.js';
import type { BenchRow } from './index.js';

const RATE_PER_SECOND = 50;
/** Seconds of posting per group; the groups take turns a second at a time. */
const DURATION_S = 10;
const SOURCES_PER_GROUP = 100;
const FEEDS_PER_SOURCE = 3;
const SETTLE_TIMEOUT_MS = 60_000;
const GROUPS = ['plain', 'templated'] as const;
type Group = (typeof GROUPS)[number];

const FILTERS: FilterRule[] = [
  { mode: 'exclude', field: 'regex', value: '(a+)+$' },
  { mode: 'exclude', field: 'keyword', value: 'never in a bench caption' },
  ...(['image', 'video', 'carousel'] as const).map((kind) => ({
    mode: 'include' as const,
    field: 'kind' as const,
    value: kind,
  })),
];

interface Source {
  group: Group;
  instagramUserId: string;
  feeds: Feed[];
}

export default async function v1Delivery(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'igcord-bench-delivery-'));
  const app = await startIgcord(
    // The operator's settings of concurrent source runs and of the shortest poll interval, when set for the bench.
    benchConfig(dataDir, {}, ['FEEDS_CONCURRENCY', 'FEEDS_MIN_POLL_MS']),
    silentLogger(),
    {
      discordClientOptions: {
        rest: { timeout: 10_000, retries: 3, globalRequestsPerSecond: 1e6 },
        waitGuildTimeout: 200,
      },
    },
  );
  const { instagram: emulator, discord, guild } = app.sandbox!;
  if (!emulator) throw new Error('the bench runs on the v1 emulator (INSTAGRAM_PROVIDER=v1)');
  try {
    const total = SOURCES_PER_GROUP * GROUPS.length;
    const seeded = emulator.admin.users();
    for (let i = seeded.length; i < total; i++)
      emulator.admin.createUser({ username: `bench.source${i}`, full_name: `Bench Source ${i}` });
    const sources: Source[] = [];
    for (const [i, user] of emulator.admin.users().slice(0, total).entries()) {
      const group: Group = i % 2 === 0 ? 'plain' : 'templated';
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
        const feed = await app.storage.feeds.add({
          guildId: guild.guildId,
          channelId,
          source: { kind: 'account', instagramUserId },
          ownerDiscordUserId: owner.id,
          ownerInstagramUserId: instagramUserId,
          createdBy: owner.id,
          delivery: { mode: 'message' },
        });
        if (group === 'templated')
          await app.storage.feeds.update(feed.id, { template: STARTER_TEMPLATE, filters: FILTERS });
        feeds.push(feed);
      }
      await app.deliveries.initSource(feeds[0]!);
      sources.push({ group, instagramUserId, feeds });
    }
    await app.storage.guildSettings.setTime(guild.guildId, { timeZone: 'Europe/Paris', format: 'long' });
    // initSource reads each source once to set its cursor: a cost of adding a feed, not of a post, so the
    // per-post figure counts only the calls made from here on (background polls included).
    const setupCalls = app.deliveries.stats().instagramCalls;
    const feedCount = sources.length * FEEDS_PER_SOURCE;
    console.log(
      `${sources.length} sources (${seeded.length} seeded), ${feedCount} feeds in two groups of ${SOURCES_PER_GROUP} sources: ` +
        `plain, and templated (the starter template) with ${FILTERS.length} filter rules; ${setupCalls} Instagram calls to set them up; ` +
        `${RATE_PER_SECOND} posts/s for ${DURATION_S * GROUPS.length} s, the groups taking turns each second`,
    );

    // Post at a steady rate, the groups taking turns each second, round-robin over the group's sources.
    const byGroup = {
      plain: sources.filter((s) => s.group === 'plain'),
      templated: sources.filter((s) => s.group === 'templated'),
    };
    const postedAt = new Map<string, { at: number; source: Source }>();
    const posts = RATE_PER_SECOND * DURATION_S * GROUPS.length;
    const began = performance.now();
    for (let n = 0; n < posts; n++) {
      const wait = began + (n * 1000) / RATE_PER_SECOND - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const group = GROUPS[Math.floor(n / RATE_PER_SECOND) % GROUPS.length]!;
      const source = byGroup[group][n % SOURCES_PER_GROUP]!;
      const caption = `bench post ${n}`;
      postedAt.set(caption, { at: Date.now(), source });
      emulator.admin.postMedia(source.instagramUserId, { caption });
    }
    const postingSeconds = (performance.now() - began) / 1000;

    // Wait until every feed has every post of its source, or the settle timeout.
    const expected = posts * FEEDS_PER_SOURCE;
    const delivered = () =>
      sources.reduce((sum, s) => sum + s.feeds.reduce((n, f) => n + discord.messages(f.channelId).length, 0), 0);
    const settleBy = Date.now() + SETTLE_TIMEOUT_MS;
    while (delivered() < expected && Date.now() < settleBy) await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, 500));

    const latencies: Record<Group, number[]> = { plain: [], templated: [] };
    let lost = 0;
    let duplicated = 0;
    for (const source of sources) {
      for (const feed of source.feeds) {
        const seen = new Map<string, number>();
        for (const message of discord.messages(feed.channelId)) {
          const caption = message.embeds[0]?.description ?? '';
          seen.set(caption, (seen.get(caption) ?? 0) + 1);
          const posted = postedAt.get(caption);
          if (posted && seen.get(caption) === 1)
            latencies[source.group].push(Date.parse(message.timestamp) - posted.at);
        }
        for (const [caption, posted] of postedAt) {
          if (posted.source !== source) continue;
          const times = seen.get(caption) ?? 0;
          if (times === 0) lost += 1;
          if (times > 1) duplicated += times - 1;
        }
      }
    }
    // Instagram sends each notification once (the emulator as configured, like the real API: no retry is
    // documented): one igcord did not acknowledge (503 when it could not record it in time, or no answer) is a
    // post that only the source's next poll brings.
    const notifications = emulator.admin.notifications();
    const unacknowledged = notifications.filter((n) => n.status === undefined || n.status >= 300);
    const stats = app.deliveries.stats();
    const runCalls = stats.instagramCalls - setupCalls;
    const figures = Object.fromEntries(
      GROUPS.map((g) => {
        const sorted = latencies[g].sort((a, b) => a - b);
        return [g, { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1), n: sorted.length }];
      }),
    ) as Record<Group, { p50: number; p99: number; max: number | undefined; n: number }>;
    const ratio = figures.templated.p99 / figures.plain.p99;
    console.log(
      `posted ${posts} media in ${postingSeconds.toFixed(1)} s; ${latencies.plain.length + latencies.templated.length}/${expected} messages; ` +
        `engine: ${stats.runs} runs, ${stats.polls} polls, ${runCalls} Instagram calls, ${stats.failures} failures, ${stats.retries} retries`,
    );
    console.log(
      `notifications: ${notifications.length} sent, ${unacknowledged.length} not acknowledged ` +
        `(${[...new Set(unacknowledged.map((n) => n.error ?? String(n.status)))].join(', ') || 'none'})`,
    );
    for (const g of GROUPS)
      console.log(
        `latency post → message, ${g}: p50 ${figures[g].p50} ms, p99 ${figures[g].p99} ms, max ${figures[g].max} ms (${figures[g].n} messages)`,
      );
    console.log(
      `p99 templated and filtered / plain: ${ratio.toFixed(2)} (goal ≤ 1.10); lost ${lost} (not in their channel ${SETTLE_TIMEOUT_MS / 1000} s after the last post), duplicated ${duplicated}`,
    );
    const label = `v1, ${RATE_PER_SECOND}/s, ${SOURCES_PER_GROUP} sources, ${SOURCES_PER_GROUP * FEEDS_PER_SOURCE} feeds`;
    return [
      { bench: 'delivery', metric: `latency p50 (${label})`, value: `${figures.plain.p50} ms` },
      { bench: 'delivery', metric: `latency p99 (${label})`, value: `${figures.plain.p99} ms`, goal: '< 250 ms' },
      {
        bench: 'delivery',
        metric: `latency p99 (${label}, template + ${FILTERS.length} filters on every feed)`,
        value: `${figures.templated.p99} ms`,
      },
      {
        bench: 'delivery',
        metric: 'latency p99 with template + filters / without (same run)',
        value: ratio.toFixed(2),
        goal: '≤ 1.10',
      },
      { bench: 'delivery', metric: 'notifications not acknowledged', value: String(unacknowledged.length), goal: '0' },
      { bench: 'delivery', metric: 'lost posts', value: String(lost), goal: '0' },
      { bench: 'delivery', metric: 'duplicated posts', value: String(duplicated), goal: '0' },
      { bench: 'delivery', metric: 'Instagram calls per post', value: (runCalls / posts).toFixed(2), goal: '≤ 1' },
    ];
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
