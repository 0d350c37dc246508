// Graph webhooks end to end: igcord runs on the Graph provider (sandbox), both apps of the emulator subscribe
// igcord's callback (the emulator's own `hub.challenge` GET; a wrong verify token is refused), the account
// subscribes each app (Instagram Login's `subscribed_apps`, Facebook Login's Page `subscribed_apps`), and a
// comment posted as another user makes the emulator's own sender deliver it — once per app, each signed with its
// own app's secret, in its own login's shape. igcord acknowledges both, records the comment once, and marks the
// account's source dirty through the delivery engine. A link subscribes the account by itself; and while igcord's
// storage cannot write, nothing is acknowledged, and the emulator's redelivery is recorded once.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Database } from '@appthreat/sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIgcord, type Igcord } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { eventually, WAIT_MS } from '../support/eventually.js';
import { linkButtonUrl, linkThroughPages } from '../support/graph-linking.js';
import { assertNoSecretLogged } from '../support/secret-scan.js';

describe('Graph webhooks (igcord on the Graph emulator)', () => {
  let app: Igcord;
  const lines: string[] = [];
  const graph = () => app.sandbox!.graph!;

  beforeAll(async () => {
    const config = loadConfig({
      DATA_DIR: mkdtempSync(join(tmpdir(), 'igcord-graph-webhooks-')),
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: '0',
      LOG_LEVEL: 'debug',
      INSTAGRAM_PROVIDER: 'graph',
    });
    const destination = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(String(chunk));
        callback();
      },
    });
    app = await startIgcord(config, createLogger({ level: config.logLevel, destination }), {
      discordClientOptions: {
        rest: { timeout: 5000, retries: 1, globalRequestsPerSecond: 1e6 },
        waitGuildTimeout: 200,
      },
    });
  });
  afterAll(async () => {
    const emulator = app?.sandbox?.graph;
    const secrets = emulator
      ? [
          { name: 'Instagram app secret', value: emulator.admin.app().instagramAppSecret },
          { name: 'Meta app secret', value: emulator.admin.app().metaAppSecret },
          { name: 'verify token', value: app.config.instagram.webhookVerifyToken! },
        ]
      : [];
    await app?.close();
    if (emulator) assertNoSecretLogged(lines.join(''), secrets, "igcord's log");
  });

  /** A Graph call to the emulator, as a developer's script would make it; resolves with status and JSON. */
  async function graphPost(base: string, path: string, params: Record<string, string>) {
    const response = await fetch(`${base}${path}`, { method: 'POST', body: new URLSearchParams(params) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('subscribes both apps through the emulator, which checks igcord with hub.challenge; a wrong verify token fails', async () => {
    const { hosts } = graph();
    const emulatorApp = graph().admin.app();
    const callback = `${app.http.url}/webhooks/instagram`;
    const subscribe = (base: string, appId: string, login: 'instagram' | 'facebook', verifyToken: string) =>
      graphPost(base, `/${appId}/subscriptions`, {
        object: 'instagram',
        callback_url: callback,
        fields: 'comments,mentions',
        verify_token: verifyToken,
        access_token: graph().admin.appToken(login),
      });
    const verifyToken = app.config.instagram.webhookVerifyToken!;
    const wrong = await subscribe(hosts.facebookGraph, emulatorApp.instagramAppId, 'instagram', `${verifyToken}-x`);
    expect(wrong.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(wrong.body)).toContain('callback verification failed');

    expect(await subscribe(hosts.facebookGraph, emulatorApp.instagramAppId, 'instagram', verifyToken)).toEqual({
      status: 200,
      body: { success: true },
    });
    expect(await subscribe(hosts.facebookGraph, emulatorApp.metaAppId, 'facebook', verifyToken)).toEqual({
      status: 200,
      body: { success: true },
    });
  });

  it('records a comment the emulator delivers through both apps once, and marks its account for an early poll', async () => {
    const admin = graph().admin;
    const { hosts } = graph();
    const studio = admin.accounts().find((a) => a.username === 'igcord.studio')!;
    const igToken = admin.mintToken({ account: studio.id, login: 'instagram' }).access_token;
    const pageToken = admin.mintToken({ account: studio.id, login: 'facebook', kind: 'page' }).access_token;
    const fields = { subscribed_fields: 'comments,mentions' };
    expect(
      (await graphPost(hosts.instagramGraph, '/me/subscribed_apps', { ...fields, access_token: igToken })).status,
    ).toBe(200);
    expect(
      (
        await graphPost(hosts.facebookGraph, `/${studio.page_id!}/subscribed_apps`, {
          ...fields,
          access_token: pageToken,
        })
      ).status,
    ).toBe(200);

    const media = admin.postMedia(studio.id, { type: 'image', caption: 'new work' });
    const before = admin.deliveries().length;
    const comment = admin.postComment({ mediaId: media.id, from: 'visitor.one', text: 'love this' });
    admin.flushWebhooks();

    // Two deliveries (one per app, each signed with its own secret), both acknowledged by igcord.
    const sent = await eventually(() => {
      const log = admin.deliveries().slice(before);
      return log.length === 2 && log.every((d) => d.acknowledged) && log;
    }, 'both deliveries acknowledged');
    // The same comment in each login's shape: Instagram Login's `id`, Facebook Login's `comment_id`.
    expect(JSON.stringify(sent.map((d) => d.body))).toContain(`"comment_id":"${comment.id}"`);
    expect(JSON.stringify(sent.map((d) => d.body))).toContain(`"id":"${comment.id}"`);
    const pending = await app.storage.webhookEvents.listPending(studio.id, 'comments');
    expect(pending.filter((e) => e.commentId === comment.id)).toEqual([
      expect.objectContaining({ accountId: studio.id, field: 'comments', mediaId: media.id, text: 'love this' }),
    ]);
    await eventually(
      () => lines.some((l) => l.includes('sources marked for an early poll') && l.includes(`account:${studio.id}`)),
      "the account's source marked dirty",
    );
  });

  it('subscribes an account to comments and mentions when it links, so its comments arrive without anything else', async () => {
    const admin = graph().admin;
    const sandbox = app.sandbox!;
    const person = sandbox.discord.createUser({ username: 'lena-webhooks' });
    sandbox.discord.addMember(sandbox.guild.guildId, person.id);
    const handle = sandbox.discord.sendCommand({
      guildId: sandbox.guild.guildId,
      channelId: sandbox.guild.channels.general!,
      userId: person.id,
      name: 'instagram',
      subcommand: 'link',
    });
    const { page } = await linkThroughPages(graph(), await linkButtonUrl(handle), person.id, 'lena.creates');
    expect(page.html).toContain('data-outcome="linked"');
    await handle.waitForReply((m) => m.content.includes('Linked Instagram account'), WAIT_MS);

    const lena = admin.accounts().find((a) => a.username === 'lena.creates')!;
    const token = admin.mintToken({ account: lena.id, login: 'instagram' }).access_token;
    const listed = await fetch(`${graph().hosts.instagramGraph}/me/subscribed_apps?access_token=${token}`);
    const { data } = (await listed.json()) as { data: { subscribed_fields: string[] }[] };
    expect(data[0]?.subscribed_fields).toEqual(expect.arrayContaining(['comments', 'mentions']));

    const media = admin.postMedia(lena.id, { type: 'image', caption: 'sketch' });
    const comment = admin.postComment({ mediaId: media.id, from: 'visitor.two', text: 'so good' });
    admin.flushWebhooks();
    await eventually(
      async () =>
        (await app.storage.webhookEvents.listPending(lena.id, 'comments')).some((e) => e.commentId === comment.id),
      "lena's comment recorded",
    );
  });

  it('acknowledges nothing while its storage cannot write, and records the redelivery of the emulator once', async () => {
    const admin = graph().admin;
    const studio = admin.accounts().find((a) => a.username === 'igcord.studio')!;
    const media = admin.postMedia(studio.id, { type: 'image', caption: 'outage' });
    // Another connection holds SQLite's write lock: igcord's writes wait, then fail (busy), so nothing is recorded.
    const locker = new Database(join(app.config.dataDir, 'igcord.sqlite'));
    const run = (sql: string) =>
      new Promise<void>((resolve, reject) => locker.run(sql, (e) => (e ? reject(e) : resolve())));
    await run('BEGIN EXCLUSIVE');
    const before = admin.deliveries().length;
    let comment: { id: string };
    try {
      comment = admin.postComment({ mediaId: media.id, from: 'visitor.three', text: 'during the outage' });
      admin.flushWebhooks();
      // Refused (503) or not answered within the sender's own timeout: either way not acknowledged, so redelivered.
      await eventually(
        () =>
          admin
            .deliveries()
            .slice(before)
            .some((d) => d.attempts.some((a) => a === 503 || typeof a === 'string')),
        'a delivery refused or timed out',
      );
      const pending = await app.storage.webhookEvents.listPending(studio.id, 'comments');
      expect(pending.map((e) => e.commentId)).not.toContain(comment.id);
    } finally {
      await run('COMMIT');
      await new Promise<void>((resolve) => locker.close(() => resolve()));
    }
    // The emulator redelivers the same bytes until igcord answers 2xx.
    await eventually(
      () =>
        admin
          .deliveries()
          .slice(before)
          .every((d) => d.acknowledged),
      'every delivery acknowledged after the outage',
    );
    const recorded = (await app.storage.webhookEvents.listPending(studio.id, 'comments')).filter(
      (e) => e.commentId === comment.id,
    );
    expect(recorded).toHaveLength(1);
  });
});
