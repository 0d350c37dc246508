// HTTP interactions: when the application has an Interactions Endpoint URL, Discord sends each interaction as a
// signed POST to it instead of an INTERACTION_CREATE on the gateway, and takes the HTTP answer as the interaction's
// first response (the callback), due within 3 s. Saving the URL is checked first: a PING signed with the
// application's key must be answered `{ "type": 1 }` (PONG), and a PING with a bad signature must be refused with
// 401, or the URL is not accepted
// (https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint). An answer of 202 with no
// body leaves the response to the callback REST route, as a gateway interaction's; anything else (another
// status, a body that is not a callback, no answer in time) fails the interaction, as "This interaction failed".
import { InteractionType } from 'discord-api-types/v10';
import { z } from 'zod';
import type { FakeState } from './state.js';
import type { FakeLog } from './log.js';
import type { InteractionDeliveryEntry } from './log-entries.js';
import type { InteractionRecord, InteractionRegistry } from './interactions.js';
import { foreignSigner, type ApplicationKeys } from './signing.js';
import { DiscordFakeError } from './errors.js';
import { randomToken } from './ids.js';

/** The fake refused an Interactions Endpoint URL, as the developer portal would, with why. */
export class EndpointRefusedError extends Error {
  override readonly name = 'EndpointRefusedError';
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`the interactions endpoint ${url} was refused: ${reason}`);
  }
}

const answerSchema = z.looseObject({ type: z.number().int() });

export class InteractionsEndpoint {
  private url: string | undefined;

  constructor(
    private readonly state: FakeState,
    private readonly interactions: InteractionRegistry,
    private readonly keys: ApplicationKeys,
    private readonly log: FakeLog,
    private readonly timeoutMs: number,
  ) {}

  /** The URL interactions go to, or undefined when they go over the gateway. */
  get current(): string | undefined {
    return this.url;
  }

  /** Checks the URL as Discord does when it is saved, then sends every interaction there. `null` goes back to the gateway. */
  async set(url: string | null): Promise<void> {
    if (url === null) {
      this.url = undefined;
      return;
    }
    const ping = JSON.stringify({
      id: this.state.ids.next(),
      application_id: this.state.applicationId,
      type: InteractionType.Ping,
      token: randomToken('ping'),
      version: 1,
    });
    const signed = await this.post(url, ping, this.keys.sign).catch((error: unknown) => {
      throw new EndpointRefusedError(url, `a signed PING got no answer (${describe(error)})`);
    });
    const pong = answerSchema.safeParse(safeJson(signed.text));
    if (signed.status !== 200 || !pong.success || pong.data.type !== 1) {
      throw new EndpointRefusedError(
        url,
        `a signed PING was answered ${signed.status} ${signed.text.slice(0, 80)}, not a PONG ({"type":1})`,
      );
    }
    const forged = await this.post(url, ping, foreignSigner()).catch((error: unknown) => {
      throw new EndpointRefusedError(url, `a PING with a bad signature got no answer (${describe(error)})`);
    });
    if (forged.status !== 401) {
      throw new EndpointRefusedError(
        url,
        `a PING with a bad signature was answered ${forged.status}; it must be refused with 401`,
      );
    }
    this.url = url;
  }

  /** POSTs the interaction and takes the answer as its callback; the record is settled either way. */
  deliver(record: InteractionRecord): void {
    const url = this.url;
    if (url === undefined) throw new TypeError('no interactions endpoint is set');
    let settle!: () => void;
    record.http = { state: 'pending', settled: new Promise<void>((resolve) => (settle = resolve)) };
    const entry = (
      fields: Omit<InteractionDeliveryEntry, 'kind' | 'time' | 'interactionId' | 'interactionType'>,
    ): void =>
      this.log.add({
        kind: 'interaction',
        time: Date.now(),
        interactionId: record.id,
        interactionType: record.type,
        ...fields,
      });
    const fail = (status: number | null, error: string) => {
      record.http!.state = 'failed';
      entry({ status, outcome: 'failed', error });
      this.log.sink.warn(
        { interactionId: record.id, status, error },
        'the interactions endpoint did not answer the interaction; it failed',
      );
    };
    void this.post(url, JSON.stringify(record.payload), this.keys.sign)
      .then(
        (answer) => {
          if (answer.status === 202 && answer.text === '') {
            record.http!.state = 'rest';
            entry({ status: 202, outcome: 'rest' });
            return;
          }
          const callback = answerSchema.safeParse(safeJson(answer.text));
          if (answer.status !== 200 || !callback.success)
            return fail(answer.status, `answered ${answer.status} without an interaction response`);
          try {
            this.interactions.callback(record.id, record.token, callback.data, false);
            record.http!.state = 'answered';
            entry({ status: 200, outcome: 'answered', callbackType: callback.data.type });
          } catch (error) {
            if (!(error instanceof DiscordFakeError)) throw error;
            record.http!.state = record.callbacks.length > 0 ? 'answered' : 'failed';
            entry({
              status: 200,
              outcome: 'rejected',
              callbackType: callback.data.type,
              error: `${error.code} ${error.message}`,
            });
            this.log.sink.warn(
              { interactionId: record.id, code: error.code },
              'the interactions endpoint answered with a response Discord refuses',
            );
          }
        },
        (error: unknown) => fail(null, describe(error)),
      )
      .finally(() => {
        settle();
        this.state.changed();
      });
  }

  private async post(
    url: string,
    body: string,
    sign: (timestamp: string, body: string) => string,
  ): Promise<{ status: number; text: string }> {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Discord-Interactions/1.0 (+https://discord.com)',
        'x-signature-ed25519': sign(timestamp, body),
        'x-signature-timestamp': timestamp,
      },
      body,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    return { status: response.status, text: await response.text() };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
