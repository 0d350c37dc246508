// OAuth `state` values of the link flow: random (256 bits), single use, expiring after 10 minutes, bound to the
// Discord user who ran /instagram link and to that interaction (its token, encrypted, so the callback can edit
// the ephemeral reply). `take` reads and deletes in one atomic backend step, so a state is honoured once even
// when two callbacks race, in one process or several.
// A link goes through three stages, each its own state (docs/decisions/0006): `link` (made by /instagram link,
// carried by the button to igcord's link page, read there with `peek`), `discord` (sent to Discord's authorize
// page, pointing back at the link state and holding the hash of the browser's cookie nonce) and `instagram` (made
// once Discord proved the user, sent to Instagram, holding the same hash and the Discord name to show).
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { validate } from '../util/validate.js';
import type { RecordType } from './record-reader.js';
import { epochMs, storedId, type StoreContext } from './store-context.js';

export const OAUTH_STATE_TTL_MS = 10 * 60_000;
const STATE_FORMAT = /^[A-Za-z0-9_-]{43}$/;
/** base64url of a SHA-256. */
const HASH_FORMAT = /^[A-Za-z0-9_-]{43}$/;
const FLOW_FORMAT = /^[A-Za-z0-9_-]{12}$/;
/** A Discord locale code (`en-US`, `es-ES`, `pt-BR`): https://discord.com/developers/docs/reference#locales */
const DISCORD_LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,4})?$/;

export type OAuthStage = 'link' | 'discord' | 'instagram';

const stateRecord = z.object({
  version: z.literal(1),
  state: z.string().regex(STATE_FORMAT),
  /** Absent on records written before stages existed: those are `link` states. */
  stage: z.enum(['link', 'discord', 'instagram']).optional(),
  linkState: z.string().regex(STATE_FORMAT).optional(),
  browserHash: z.string().regex(HASH_FORMAT).optional(),
  flowId: z.string().regex(FLOW_FORMAT).optional(),
  discordName: z.string().min(1).max(100).optional(),
  /** Absent on records written before the flow spoke the person's language: those render English. */
  locale: z.string().regex(DISCORD_LOCALE).optional(),
  discordUserId: storedId,
  interactionTokenEncrypted: z.string().startsWith('v1.').optional(),
  applicationId: storedId.optional(),
  scopes: z.array(z.string()),
  createdAt: epochMs,
  expiresAt: epochMs,
});
const stateType: RecordType<typeof stateRecord> = { name: 'oauth state', currentVersion: 1, schema: stateRecord };

export interface OAuthState {
  state: string;
  stage: OAuthStage;
  /** `discord` stage: the link state the Discord check is for. */
  linkState?: string | undefined;
  /** `discord` and `instagram` stages: SHA-256 (base64url) of the nonce in the browser's cookie. */
  browserHash?: string | undefined;
  /** `discord` and `instagram` stages: names the browser's cookie, so two links in one browser do not collide. */
  flowId?: string | undefined;
  /** `instagram` stage: the Discord user's name as Discord's /users/@me gave it. */
  discordName?: string | undefined;
  /** The Discord locale of the interaction that asked (`interaction.locale`): the flow's replies and pages speak it. */
  locale?: string | undefined;
  discordUserId: string;
  /** The token of the interaction that asked, to edit its ephemeral reply (itself a secret for 15 minutes). */
  interactionToken?: string | undefined;
  applicationId?: string | undefined;
  scopes: string[];
  createdAt: number;
  expiresAt: number;
}

export const createStateInputSchema = z.object({
  stage: z.enum(['link', 'discord', 'instagram']).default('link'),
  linkState: z.string().regex(STATE_FORMAT).optional(),
  browserHash: z.string().regex(HASH_FORMAT).optional(),
  flowId: z.string().regex(FLOW_FORMAT).optional(),
  discordName: z.string().min(1).max(100).optional(),
  locale: z.string().regex(DISCORD_LOCALE).optional(),
  discordUserId: storedId,
  interactionToken: z.string().min(1).optional(),
  applicationId: storedId.optional(),
  scopes: z.array(z.string()),
  ttlMs: z.number().int().positive().max(OAUTH_STATE_TTL_MS).optional(),
});
export type CreateStateInput = z.input<typeof createStateInputSchema>;

export type TakeStateResult =
  { ok: true; state: OAuthState } | { ok: false; reason: 'unknown' | 'expired' | 'other-user' };

export interface OAuthStateStore {
  create(input: CreateStateInput): Promise<OAuthState>;
  /**
   * Consumes a state: whatever the outcome it cannot be used again. `expect.discordUserId`, when the caller
   * knows who is asking (the paste-a-token modal), refuses a state made for someone else; `expect.stage` refuses
   * a state of another stage as unknown (a state is only ever good for the one step it was made for).
   */
  take(state: string, expect?: { discordUserId?: string; stage?: OAuthStage }): Promise<TakeStateResult>;
  /** Reads a state without consuming it (igcord's link page, which a person may open more than once). */
  peek(state: string, expect?: { stage?: OAuthStage }): Promise<TakeStateResult>;
}

const recordKey = (state: string) => `oauth-state:${state}`;
/** States not yet taken, so expired ones are deleted on SQL backends that keep rows past their TTL. */
const PENDING = 'oauth-states-pending';
/** How long an expired state is kept to say so, before the backend forgets it. */
const EXPIRED_STATE_GRACE_MS = 60 * 60_000;

const pendingMember = (state: string, expiresAt: number) => `${expiresAt}.${state}`;

export function createOAuthStateStore(ctx: StoreContext): OAuthStateStore {
  const { backend, reader, indexes, cipher } = ctx;
  const tokenContext = (state: string) => `oauth-interaction:${state}`;

  async function sweepExpired(now: number): Promise<void> {
    const expired = (await indexes.members(PENDING)).filter((m) => Number(m.slice(0, m.indexOf('.'))) < now);
    if (expired.length === 0) return;
    for (const member of expired) await backend.delete(recordKey(member.slice(member.indexOf('.') + 1)));
    await indexes.remove(PENDING, expired);
  }

  return {
    async create(input) {
      const data = validate(createStateInputSchema, input, 'oauth state');
      const now = ctx.now();
      const state = randomBytes(32).toString('base64url');
      const ttl = data.ttlMs ?? OAUTH_STATE_TTL_MS;
      const record: z.output<typeof stateRecord> = {
        version: 1,
        state,
        stage: data.stage,
        linkState: data.linkState,
        browserHash: data.browserHash,
        flowId: data.flowId,
        discordName: data.discordName,
        locale: data.locale,
        discordUserId: data.discordUserId,
        applicationId: data.applicationId,
        scopes: data.scopes,
        createdAt: now,
        expiresAt: now + ttl,
        interactionTokenEncrypted:
          data.interactionToken === undefined ? undefined : cipher.encrypt(data.interactionToken, tokenContext(state)),
      };
      await indexes.add(PENDING, [pendingMember(state, record.expiresAt)]);
      // The backend TTL is a second line (Redis expires the key itself); expiresAt is what `take` trusts. The
      // record outlives its expiry by a grace period so a late click is told "expired", not "unknown".
      await backend.set(recordKey(state), record, ttl + EXPIRED_STATE_GRACE_MS);
      await sweepExpired(now);
      return toState(record, data.interactionToken);
    },

    async take(state, expect) {
      // A malformed state never reaches storage: it cannot be one igcord made.
      if (!STATE_FORMAT.test(state)) return { ok: false, reason: 'unknown' };
      const key = recordKey(state);
      // A corrupt state is reported and thrown (StorageCorruptError), not passed off as unknown; the state is a
      // secret of the link flow, so the report names only its first characters.
      const record = await reader.readTaken(stateType, `${recordKey(state.slice(0, 4))}…`, () => backend.take(key));
      if (record === undefined) return { ok: false, reason: 'unknown' };
      await indexes.remove(PENDING, [pendingMember(state, record.expiresAt)]);
      if (expect?.stage !== undefined && expect.stage !== (record.stage ?? 'link'))
        return { ok: false, reason: 'unknown' };
      if (ctx.now() >= record.expiresAt) return { ok: false, reason: 'expired' };
      if (expect?.discordUserId !== undefined && expect.discordUserId !== record.discordUserId) {
        return { ok: false, reason: 'other-user' };
      }
      const interactionToken =
        record.interactionTokenEncrypted === undefined
          ? undefined
          : cipher.decrypt(record.interactionTokenEncrypted, tokenContext(state));
      return { ok: true, state: toState(record, interactionToken) };
    },

    async peek(state, expect) {
      if (!STATE_FORMAT.test(state)) return { ok: false, reason: 'unknown' };
      const key = recordKey(state);
      const record = reader.read(stateType, key, await backend.get(key));
      if (record === undefined) return { ok: false, reason: 'unknown' };
      if (expect?.stage !== undefined && expect.stage !== (record.stage ?? 'link'))
        return { ok: false, reason: 'unknown' };
      if (ctx.now() >= record.expiresAt) return { ok: false, reason: 'expired' };
      // The interaction token stays encrypted: only the step that consumes the state edits the reply.
      return { ok: true, state: toState(record, undefined) };
    },
  };
}

function toState(record: z.output<typeof stateRecord>, interactionToken: string | undefined): OAuthState {
  return {
    state: record.state,
    stage: record.stage ?? 'link',
    linkState: record.linkState,
    browserHash: record.browserHash,
    flowId: record.flowId,
    discordName: record.discordName,
    locale: record.locale,
    discordUserId: record.discordUserId,
    interactionToken,
    applicationId: record.applicationId,
    scopes: record.scopes,
    createdAt: record.createdAt,
    expiresAt: record.expiresAt,
  };
}
