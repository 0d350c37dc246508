// The Discord fake's world as JSON, and back: the application id, users (the bot and the people), guilds with
// their roles and members, channels with their overwrites, channel webhooks (the token's SHA-256 only) and the
// registered application commands. A sandbox writes it to disk and starts the next fake from it, so a bot that
// restarts finds its guild, channels and webhooks where it left them. Left out on purpose: messages (a channel's
// history is not what a restart needs), interactions and their tokens (they live 15 minutes), OAuth2 grants, and
// the bot token and client secret, which the fake issues afresh at each start (nothing outside the process keeps
// them, so a snapshot never holds a working credential). Checked with zod when read: the file may be edited.
import type { APIApplicationCommand, APIRole, APIUser, APIWebhook } from 'discord-api-types/v10';
import { z } from 'zod';
import type { ChannelRecord, FakeState, GuildRecord, MemberRecord } from './state.js';

export const SNAPSHOT_VERSION = 1;

const snowflake = z.string().regex(/^\d{1,20}$/);
/** Discord's own objects are kept as Discord sends them: their ids checked, the rest carried as is. */
const discordObject = z.looseObject({ id: snowflake });

const snapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  applicationId: snowflake,
  users: z.array(z.looseObject({ id: snowflake, username: z.string() })),
  guilds: z.array(
    z.object({
      id: snowflake,
      name: z.string(),
      ownerId: snowflake,
      roles: z.array(discordObject),
      members: z.array(
        z.object({ userId: snowflake, roles: z.array(snowflake), nick: z.string().nullable(), joinedAt: z.string() }),
      ),
      channelIds: z.array(snowflake),
      botRoleId: snowflake,
      joinedAt: z.string(),
    }),
  ),
  channels: z.array(
    z.object({
      id: snowflake,
      guildId: snowflake,
      type: z.number().int(),
      name: z.string(),
      position: z.number().int(),
      topic: z.string().nullable(),
      parentId: snowflake.nullable(),
      ownerId: snowflake.nullable(),
      overwrites: z.array(z.object({ id: snowflake, type: z.number().int(), allow: z.string(), deny: z.string() })),
      lastMessageId: snowflake.nullable(),
      availableTags: z.array(z.object({ id: snowflake, name: z.string() })).optional(),
      requireTag: z.boolean().optional(),
      appliedTags: z.array(snowflake).optional(),
      archived: z.boolean().optional(),
      locked: z.boolean().optional(),
      archivedAt: z.string().optional(),
    }),
  ),
  webhooks: z.array(
    z.object({ webhook: discordObject, tokenHash: z.string().regex(/^[0-9a-f]{64}$/), channelId: snowflake }),
  ),
  commands: z.array(z.tuple([z.string(), z.array(discordObject)])),
});

/** What `fake.snapshot()` returns and `startDiscordFake({ restore })` takes: plain JSON. */
export interface DiscordSnapshot {
  version: typeof SNAPSHOT_VERSION;
  applicationId: string;
  users: APIUser[];
  guilds: (Omit<GuildRecord, 'roles' | 'members'> & { roles: APIRole[]; members: MemberRecord[] })[];
  channels: ChannelRecord[];
  webhooks: { webhook: Omit<APIWebhook, 'token'>; tokenHash: string; channelId: string }[];
  commands: [string, APIApplicationCommand[]][];
}

export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

/** Reads a snapshot (parsed JSON of unknown origin); a wrong shape throws SnapshotError naming what is wrong. */
export function parseSnapshot(value: unknown): DiscordSnapshot {
  const result = snapshotSchema.safeParse(value);
  if (!result.success) throw new SnapshotError(`not a Discord fake snapshot: ${z.prettifyError(result.error)}`);
  // The ids and the fake's own records are checked; Discord's objects (users, roles, commands) are carried as
  // Discord sent them.
  return result.data as unknown as DiscordSnapshot;
}

export function takeSnapshot(state: FakeState): DiscordSnapshot {
  return structuredClone<DiscordSnapshot>({
    version: SNAPSHOT_VERSION,
    applicationId: state.applicationId,
    users: [...state.users.values()],
    guilds: [...state.guilds.values()].map((g) => ({
      ...g,
      roles: [...g.roles.values()],
      members: [...g.members.values()],
    })),
    channels: [...state.channels.values()],
    // Without the token: the hash is all an execution is checked against.
    webhooks: [...state.webhooks.values()].map(({ webhook: { token: _token, ...webhook }, tokenHash, channelId }) => ({
      webhook,
      tokenHash,
      channelId,
    })),
    commands: [...state.commands],
  });
}

/** The largest id a snapshot holds, so the next fake's new ids come after it. */
export function newestId(snapshot: DiscordSnapshot): string {
  const ids = [
    snapshot.applicationId,
    ...snapshot.users.map((u) => u.id),
    ...snapshot.guilds.flatMap((g) => [g.id, g.botRoleId, ...g.roles.map((r) => r.id)]),
    ...snapshot.channels.flatMap((c) => [c.id, c.lastMessageId ?? '0']),
    ...snapshot.webhooks.map((w) => w.webhook.id),
  ];
  return ids.reduce((max, id) => (BigInt(id) > BigInt(max) ? id : max), '0');
}

/** Puts a snapshot's world into a freshly created state (whose application id is the snapshot's). */
export function restoreSnapshot(state: FakeState, snapshot: DiscordSnapshot): void {
  const copy = structuredClone(snapshot);
  for (const user of copy.users) if (user.id !== state.botUser.id) state.users.set(user.id, user);
  for (const g of copy.guilds) {
    const guild: GuildRecord = {
      ...g,
      roles: new Map(g.roles.map((r) => [r.id, r])),
      members: new Map(g.members.map((m) => [m.userId, m])),
    };
    state.guilds.set(guild.id, guild);
  }
  for (const c of copy.channels) state.channels.set(c.id, c);
  for (const w of copy.webhooks)
    state.webhooks.set(w.webhook.id, {
      webhook: w.webhook as APIWebhook,
      tokenHash: w.tokenHash,
      channelId: w.channelId,
    });
  for (const [scope, commands] of copy.commands) state.commands.set(scope, commands);
}
