// Identifiers in the shapes today's Graph APIs hand out (reference §4.5 item 4): numeric string ids of 15–17
// digits, derived from the seed so the same seed always yields the same world; opaque cursors; Graph-style
// tokens (`IGAA…` for Instagram Login, `EAA…` for Facebook Login, `<app-id>|<app-secret>` for app tokens), which
// are random because they are secrets; and how a token is named in logs (a hash prefix, never the token).
import { createHash, randomBytes } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 32-bit FNV-1a of any text: seeds, stable pseudo-random values per id. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A seeded generator (mulberry32) for the world's fixtures; not for secrets. */
export class SeededRandom {
  private state: number;

  constructor(seed: string | number) {
    this.state = hash32(String(seed));
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(list: readonly T[]): T {
    const item = list[this.int(0, list.length - 1)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  text(length: number, alphabet = ALNUM): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(0, alphabet.length - 1)];
    return out;
  }
}

/** Sequences of numeric ids with a fixed prefix and width, offset by the seed. */
export class IdSequence {
  private n = 0;

  constructor(
    private readonly base: bigint,
    private readonly step: bigint,
  ) {}

  next(): string {
    this.n += 1;
    return String(this.base + BigInt(this.n) * this.step);
  }
}

export function idSequences(seed: string | number) {
  const offset = BigInt(hash32(`ids:${seed}`) % 1_000_000) * 1000n;
  return {
    /** Instagram professional account ids (`user_id`, webhook `entry.id`): 17 digits, 178414… */
    igUser: new IdSequence(17_841_400_000_000_000n + offset, 7_919n),
    /** Instagram-Login app-scoped user ids (`id` of /me and of the code exchange): 16 digits. */
    appScoped: new IdSequence(2_665_000_000_000_000n + offset, 6_007n),
    media: new IdSequence(17_900_000_000_000_000n + offset, 131n),
    comment: new IdSequence(18_000_000_000_000_000n + offset, 137n),
    page: new IdSequence(100_000_000_000_000n + offset, 3_571n),
    facebookUser: new IdSequence(10_160_000_000_000_000n + offset, 5_003n),
  };
}

export type IdSequences = ReturnType<typeof idSequences>;

function randomText(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += ALNUM[byte % ALNUM.length];
  return out;
}

export function instagramToken(): string {
  return `IGAA${randomText(150)}`;
}

export function facebookToken(): string {
  return `EAA${randomText(180)}`;
}

export function authorizationCode(): string {
  return randomText(200);
}

/** A trace id like those in Graph error envelopes. */
export function fbtraceId(): string {
  return randomText(23);
}

/** How a token is named in the request log: the first 12 hex of its SHA-256, never the token. */
export function tokenIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 12);
}

/** Opaque cursors (base64url of what they point at), as Graph's look. */
export function encodeCursor(value: string): string {
  return Buffer.from(`c:${value}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string | undefined {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  return text.startsWith('c:') ? text.slice(2) : undefined;
}

/** ISO time the way Graph writes it: `2026-11-28T16:40:52+0000`. */
export function graphTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', '+0000');
}
