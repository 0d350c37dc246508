// The gateway half of the Discord fake: a `ws` server on the fake's HTTP port that speaks JSON gateway v10 —
// HELLO, IDENTIFY → READY (with `resume_gateway_url` pointing back here, or a reconnect would go to the real
// Discord) and one GUILD_CREATE per guild, HEARTBEAT → ACK, RESUME with replay of the events missed while
// disconnected, and dispatches filtered by the session's intents the way Discord filters them. A session that
// identifies with `shard: [i, n]` gets only the guilds, guild events and interactions of the guilds whose id puts
// them on shard i, `(guild_id >> 22) % n`, and events of no guild only on shard 0
// (https://discord.com/developers/docs/events/gateway#sharding).
import type { Server } from 'node:http';
import { WebSocketServer, WebSocket } from 'ws';
import { z } from 'zod';
import { GatewayDispatchEvents, GatewayIntentBits, GatewayOpcodes } from 'discord-api-types/v10';
import type { ApplicationFlags, GatewayReadyDispatchData } from 'discord-api-types/v10';
import type { DispatchOptions } from './dispatch-options.js';
import type { FakeLog } from './log.js';
import type { FakeState } from './state.js';
import { renderGuildCreate } from './render.js';
import { randomToken } from './ids.js';

interface Session {
  id: string;
  intents: number;
  /** `[shard_id, num_shards]` from IDENTIFY; `[0, 1]` without one. */
  shard: [number, number];
  seq: number;
  socket: WebSocket | null;
  /** Dispatches kept for RESUME (Discord keeps a bounded backlog too). */
  backlog: { s: number; t: string; d: unknown }[];
}

const BACKLOG_LIMIT = 1000;

export const PRIVILEGED_INTENTS =
  GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;

const frameSchema = z.object({
  op: z.number().int(),
  d: z.unknown(),
  s: z.unknown().optional(),
  t: z.unknown().optional(),
});
const identifySchema = z.looseObject({
  token: z.string(),
  intents: z.number().int().min(0),
  shard: z.tuple([z.number().int().min(0), z.number().int().min(1)]).optional(),
});

/** The shard a guild's events go to: Discord's formula on the guild id. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
const resumeSchema = z.looseObject({ token: z.string(), session_id: z.string(), seq: z.number().int().nullable() });

export class FakeGateway {
  private readonly wss: WebSocketServer;
  private readonly sessions = new Map<string, Session>();
  private readonly sockets = new Set<WebSocket>();

  constructor(
    server: Server,
    private readonly state: FakeState,
    private readonly log: FakeLog,
    private readonly options: {
      botToken: string;
      url: () => string;
      heartbeatIntervalMs: number;
      privilegedIntents: number;
    },
  ) {
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (socket) => this.accept(socket));
  }

  /** Sessions that completed IDENTIFY and have a socket open now. */
  connectedSessions(): number {
    return [...this.sessions.values()].filter((s) => s.socket?.readyState === WebSocket.OPEN).length;
  }

  dispatch(t: GatewayDispatchEvents, d: unknown, options: DispatchOptions = {}): void {
    const guildId = guildOf(t, d);
    for (const session of this.sessions.values()) {
      if (options.intent !== undefined && (session.intents & options.intent) === 0) continue;
      if (!this.onShard(session, guildId)) continue;
      const payload = options.perSession ? options.perSession(session.intents) : d;
      this.sendDispatch(session, t, payload);
    }
  }

  /**
   * Drops every client connection so the bot has to resume. `reconnect` asks politely (op 7, as Discord does
   * before maintenance); `close` cuts the socket with 4000, as a network failure or a Discord restart would.
   */
  disconnectClients(mode: 'reconnect' | 'close' = 'reconnect'): void {
    for (const session of this.sessions.values()) {
      const socket = session.socket;
      if (!socket) continue;
      session.socket = null;
      if (mode === 'reconnect') this.send(socket, session, { op: GatewayOpcodes.Reconnect, d: null });
      else socket.close(4000, 'Unknown error');
    }
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    this.sockets.add(socket);
    let session: Session | undefined;
    socket.on('close', (code) => {
      this.sockets.delete(socket);
      if (session?.socket !== socket) return;
      session.socket = null;
      // A client closing with 1000/1001 ends its session (Discord: such a session cannot be resumed).
      if (code === 1000 || code === 1001) this.sessions.delete(session.id);
    });
    socket.on('error', () => socket.terminate());
    this.send(socket, undefined, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs },
    });

    socket.on('message', (raw) => {
      const parsed = frameSchema.safeParse(safeJson(raw.toString()));
      if (!parsed.success) {
        socket.close(4002, 'Error while decoding payload.');
        return;
      }
      const frame = parsed.data;
      this.log.add({
        kind: 'gateway',
        time: Date.now(),
        direction: 'in',
        sessionId: session?.id,
        op: frame.op,
        d: redactToken(frame.d),
      });
      switch (frame.op) {
        case GatewayOpcodes.Heartbeat:
          this.send(socket, session, { op: GatewayOpcodes.HeartbeatAck });
          return;
        case GatewayOpcodes.Identify: {
          const identify = identifySchema.safeParse(frame.d);
          if (!identify.success) return void socket.close(4002, 'Error while decoding payload.');
          if (session) return void socket.close(4005, 'Already authenticated.');
          if (stripBot(identify.data.token) !== this.options.botToken)
            return void socket.close(4004, 'Authentication failed.');
          // Privileged intents must be enabled for the app in the developer portal, or Discord closes with 4014.
          if ((identify.data.intents & PRIVILEGED_INTENTS & ~this.options.privilegedIntents) !== 0)
            return void socket.close(4014, 'Disallowed intent(s).');
          const shard = identify.data.shard ?? [0, 1];
          if (shard[0] >= shard[1]) return void socket.close(4010, 'Invalid shard.');
          session = {
            id: randomToken('session').slice(0, 40),
            intents: identify.data.intents,
            shard,
            seq: 0,
            socket,
            backlog: [],
          };
          this.sessions.set(session.id, session);
          this.ready(session);
          return;
        }
        case GatewayOpcodes.Resume: {
          const resume = resumeSchema.safeParse(frame.d);
          const known = resume.success ? this.sessions.get(resume.data.session_id) : undefined;
          if (!resume.success || !known || stripBot(resume.data.token) !== this.options.botToken) {
            this.send(socket, undefined, { op: GatewayOpcodes.InvalidSession, d: false });
            return;
          }
          session = known;
          session.socket = socket;
          const after = resume.data.seq ?? 0;
          for (const missed of session.backlog.filter((e) => e.s > after)) {
            this.send(socket, session, { op: GatewayOpcodes.Dispatch, t: missed.t, s: missed.s, d: missed.d });
          }
          this.sendDispatch(session, GatewayDispatchEvents.Resumed, {});
          return;
        }
        default:
          // Presence and voice updates and member requests are accepted and ignored: igcord does not use them.
          return;
      }
    });
  }

  private ready(session: Session): void {
    const botGuilds = [...this.state.guilds.values()].filter(
      (g) => g.members.has(this.state.botUser.id) && this.onShard(session, g.id),
    );
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: { ...this.state.botUser },
      guilds: botGuilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.options.url(),
      shard: session.shard,
      application: { id: this.state.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
    };
    this.sendDispatch(session, GatewayDispatchEvents.Ready, ready);
    for (const guild of botGuilds) this.sendGuildCreate(session, guild.id);
  }

  sendGuildCreate(session: Session, guildId: string): void {
    const guild = this.state.guild(guildId);
    this.sendDispatch(
      session,
      GatewayDispatchEvents.GuildCreate,
      renderGuildCreate(this.state, guild, (session.intents & GatewayIntentBits.GuildPresences) !== 0),
    );
  }

  /** GUILD_CREATE for a guild the bot joins while connected. */
  announceGuild(guildId: string): void {
    for (const session of this.sessions.values()) {
      if ((session.intents & GatewayIntentBits.Guilds) !== 0 && this.onShard(session, guildId))
        this.sendGuildCreate(session, guildId);
    }
  }

  /** Whether the session's shard gets events of this guild (of no guild: shard 0 only). */
  private onShard(session: Session, guildId: string | undefined): boolean {
    const [id, count] = session.shard;
    return guildId === undefined ? id === 0 : shardOf(guildId, count) === id;
  }

  private sendDispatch(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    const s = session.seq;
    if (t !== GatewayDispatchEvents.Ready && t !== GatewayDispatchEvents.Resumed) {
      session.backlog.push({ s, t, d });
      if (session.backlog.length > BACKLOG_LIMIT) session.backlog.shift();
    }
    if (session.socket) this.send(session.socket, session, { op: GatewayOpcodes.Dispatch, t, s, d });
  }

  private send(
    socket: WebSocket,
    session: Session | undefined,
    frame: { op: number; d?: unknown; s?: number; t?: string },
  ): void {
    this.log.add({
      kind: 'gateway',
      time: Date.now(),
      direction: 'out',
      sessionId: session?.id,
      op: frame.op,
      t: frame.t ?? null,
      s: frame.s ?? null,
      d: frame.d,
    });
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ s: null, t: null, ...frame }));
  }
}

/** The guild an event belongs to: its `guild_id`, or its `id` for the GUILD_* events about the guild itself. */
function guildOf(t: GatewayDispatchEvents, d: unknown): string | undefined {
  if (!d || typeof d !== 'object') return undefined;
  const record = d as { guild_id?: unknown; id?: unknown };
  if (typeof record.guild_id === 'string') return record.guild_id;
  const aboutGuild =
    t === GatewayDispatchEvents.GuildCreate ||
    t === GatewayDispatchEvents.GuildUpdate ||
    t === GatewayDispatchEvents.GuildDelete;
  return aboutGuild && typeof record.id === 'string' ? record.id : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function stripBot(token: string): string {
  return token.replace(/^Bot\s+/i, '');
}

// The bot token is a secret even in a fake's log: tests print logs on failure.
function redactToken(d: unknown): unknown {
  if (d && typeof d === 'object' && 'token' in d) return { ...(d as Record<string, unknown>), token: '[Redacted]' };
  return d;
}
