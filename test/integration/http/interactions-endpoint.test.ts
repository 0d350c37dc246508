// POST /interactions on igcord's real HTTP server: the Ed25519 signature over timestamp + raw body is checked
// with the application's public key before anything is parsed (401 otherwise), a PING is answered PONG, and any
// other interaction goes to the dispatcher, whose first response is the HTTP answer. Requests are signed here
// with node:crypto keys made for the test (test/support/ed25519-endpoint.ts), as Discord signs them.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServer } from '../../../src/http/server.js';
import {
  createInteractionsEndpoint,
  type InteractionDispatcher,
  type InitialResponse,
} from '../../../src/http/interactions-endpoint.js';
import { createLogger } from '../../../src/log.js';
import { testSigner } from '../../support/ed25519-endpoint.js';

const discord = testSigner();
const stranger = testSigner();
const COMMAND = JSON.stringify({
  id: '1300000000000000001',
  application_id: '1300000000000000000',
  type: 2,
  token: 'interaction.token-value',
  version: 1,
  data: { name: 'ping', type: 1 },
});
const PING = JSON.stringify({
  id: '1300000000000000002',
  application_id: '1300000000000000000',
  type: 1,
  token: 'ping.token',
  version: 1,
});

/** A dispatcher that answers every interaction with a fixed message and keeps what it was given. */
class RecordingDispatcher implements InteractionDispatcher {
  readonly seen: Record<string, unknown>[] = [];
  readonly delivered: boolean[] = [];
  answer: InitialResponse = {
    kind: 'callback',
    body: { type: 4, data: { content: 'pong' } },
    sent: (ok) => this.delivered.push(ok),
  };
  async dispatch(payload: Record<string, unknown>): Promise<InitialResponse> {
    this.seen.push(payload);
    return this.answer;
  }
}

let server: HttpServer;
let url: string;
const lines: string[] = [];
const dispatcher = new RecordingDispatcher();

beforeAll(async () => {
  const log = createLogger({
    level: 'debug',
    destination: new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }),
  });
  const endpoint = createInteractionsEndpoint({ publicKey: discord.publicKeyHex, dispatcher, log });
  server = await startHttpServer({ host: '127.0.0.1', port: 0, log, routes: endpoint.routes });
  url = `${server.url}/interactions`;
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  dispatcher.seen.length = 0;
  dispatcher.delivered.length = 0;
});

const now = () => String(Math.floor(Date.now() / 1000));
function post(body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}
function signed(body: string, signer = discord, timestamp = now()): Record<string, string> {
  return { 'x-signature-ed25519': signer.sign(timestamp, body), 'x-signature-timestamp': timestamp };
}

describe('interactions endpoint (POST /interactions)', () => {
  it('answers a signed PING with PONG and dispatches nothing', async () => {
    const response = await post(PING, signed(PING));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ type: 1 });
    expect(dispatcher.seen).toEqual([]);
  });

  it('refuses a request without the signature headers with 401', async () => {
    const bare = await post(PING, {});
    const onlyTimestamp = await post(PING, { 'x-signature-timestamp': now() });
    const onlySignature = await post(PING, { 'x-signature-ed25519': signed(PING)['x-signature-ed25519']! });
    expect([bare.status, onlyTimestamp.status, onlySignature.status]).toEqual([401, 401, 401]);
    expect(await bare.json()).toEqual({
      ok: false,
      error: 'bad_signature',
      message: 'X-Signature-Ed25519 is missing or does not match the body',
    });
    expect(dispatcher.seen).toEqual([]);
  });

  it('refuses a signature that is not hex of 64 bytes, or is all zeros, with 401', async () => {
    const timestamp = now();
    const garbage = await post(COMMAND, {
      'x-signature-ed25519': 'not-a-signature',
      'x-signature-timestamp': timestamp,
    });
    const zeros = await post(COMMAND, { 'x-signature-ed25519': '0'.repeat(128), 'x-signature-timestamp': timestamp });
    expect([garbage.status, zeros.status]).toEqual([401, 401]);
    expect(dispatcher.seen).toEqual([]);
  });

  it("refuses a request signed with another key than the application's with 401", async () => {
    const response = await post(COMMAND, signed(COMMAND, stranger));
    expect(response.status).toBe(401);
    expect(dispatcher.seen).toEqual([]);
  });

  it('refuses a tampered body, or a signature over another timestamp, with 401, before parsing it', async () => {
    const headers = signed(COMMAND);
    const tampered = await post(COMMAND.replace('"ping"', '"pong"'), headers);
    const retimed = await post(COMMAND, {
      ...headers,
      'x-signature-timestamp': String(Number(headers['x-signature-timestamp']) + 1),
    });
    // Not JSON at all, but badly signed: the signature is checked first, so this is 401, not 400.
    const junk = await post('{not json', headers);
    expect([tampered.status, retimed.status, junk.status]).toEqual([401, 401, 401]);
    expect(dispatcher.seen).toEqual([]);
    expect(lines.join('')).toContain('interaction refused: bad or missing signature');
  });

  it('answers a signed body that is not an interaction with 400', async () => {
    const junk = '{not json';
    const notJson = await post(junk, signed(junk));
    const shapeless = JSON.stringify({ hello: 'world' });
    const notInteraction = await post(shapeless, signed(shapeless));
    expect([notJson.status, notInteraction.status]).toEqual([400, 400]);
    expect(dispatcher.seen).toEqual([]);
  });

  it('dispatches a signed command and answers with its first response, then reports it delivered', async () => {
    const response = await post(COMMAND, signed(COMMAND));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ type: 4, data: { content: 'pong' } });
    expect(dispatcher.seen.map((i) => i.id)).toEqual(['1300000000000000001']);
    expect(dispatcher.delivered).toEqual([true]);
  });

  it('never logs the interaction token', async () => {
    await post(COMMAND, signed(COMMAND));
    expect(lines.join('')).not.toContain('interaction.token-value');
  });
});
