import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphEmulator, type AccountView, type GraphEmulator } from '../../../sandbox/instagram-graph/index.js';
import { DAY, call, form, graphGet } from './helpers.js';

// The reference leaves some answers unverified (§6); each has a knob, so a client can be tested against both.
const START = Date.UTC(2026, 10, 2, 12, 0, 0);
let emu: GraphEmulator;
let studio: AccountView;

beforeAll(async () => {
  emu = await startGraphEmulator({
    seed: 'options',
    now: START,
    frozenClock: true,
    tokenExchangeShape: 'flat',
    refreshReturnsNewToken: true,
    discoveryNextLink: true,
    usage: { headerAfterCalls: 2 },
  });
  studio = emu.admin.accounts().find((a) => a.username === 'igcord.studio') as AccountView;
});
afterAll(() => emu.close());

describe('knobs for what the reference leaves unverified', () => {
  it('answers the code exchange flat when told to', async () => {
    const app = emu.admin.app();
    const redirectUri = app.redirectUris[0] ?? '';
    const fields = {
      client_id: app.instagramAppId,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'instagram_business_basic',
    };
    const allowed = await form(`${emu.hosts.instagramWww}/oauth/authorize`, {
      ...fields,
      username: 'igcord.studio',
      decision: 'allow',
    });
    const code = new URL(allowed.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const exchanged = await form(`${emu.hosts.instagramApi}/oauth/access_token`, {
      client_id: app.instagramAppId,
      client_secret: app.instagramAppSecret,
      grant_type: 'authorization_code',
      redirect_uri: redirectUri,
      code,
    });
    expect(exchanged.body).toEqual({
      access_token: expect.stringMatching(/^IGAA/),
      user_id: studio.app_scoped_id,
      permissions: 'instagram_business_basic',
    });
  });

  it('hands back a new string on refresh when told to; the old one keeps its own expiry', async () => {
    const { access_token: token } = emu.admin.mintToken({ account: 'igcord.studio' });
    emu.admin.advance(DAY);
    const refreshed = await call(
      `${emu.hosts.instagramGraph}/refresh_access_token?grant_type=ig_refresh_token&access_token=${token}`,
    );
    expect(refreshed.body).toEqual({
      access_token: expect.stringMatching(/^IGAA/),
      token_type: 'bearer',
      expires_in: 5_184_000,
    });
    expect(refreshed.body.access_token).not.toBe(token);
  });

  it('adds a next link to business-discovery media paging, which walks on', async () => {
    const pageToken = emu.admin.mintToken({ account: 'igcord.studio', login: 'facebook', kind: 'page' }).access_token;
    const first = await graphGet(emu, 'fb', `/${studio.id}`, {
      fields: 'business_discovery.username(north.trails){media.limit(30){id}}',
      access_token: pageToken,
    });
    const media = first.body.business_discovery.media;
    expect(new URL(media.paging.next).searchParams.get('fields')).toBe(
      `business_discovery.username(north.trails){media.limit(30).after(${media.paging.cursors.after}){id}}`,
    );
    const second = await call(media.paging.next);
    expect(second.body.business_discovery.media.data).toHaveLength(10);
    expect(second.body.business_discovery.media.paging.next).toBeUndefined();
  });

  it('leaves the usage header out until enough calls were made (the "unknown" state)', async () => {
    const token = emu.admin.mintToken({ account: 'lena.creates' }).access_token;
    const headers = [];
    for (let i = 0; i < 3; i++)
      headers.push(
        (await graphGet(emu, 'ig', '/me', { access_token: token })).headers.get('x-business-use-case-usage'),
      );
    expect(headers.slice(0, 2)).toEqual([null, null]);
    expect(headers[2]).not.toBeNull();
  });
});
