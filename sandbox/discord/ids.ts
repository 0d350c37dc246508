// Snowflake ids for the Discord fake. Real ids encode their creation time after Discord's epoch (2015-01-01), and
// discord.js reads `createdTimestamp` from them, so the fake mints them the same way instead of using counters.
const DISCORD_EPOCH = 1_420_070_400_000n;

export interface SnowflakeSource {
  next(): string;
}

/** A per-fake generator: strictly increasing ids (above `after`), so messages sort by id like on Discord. */
export function createSnowflakes(after = '0'): SnowflakeSource {
  // After a restored world's newest id, so ids keep rising even if the clock stepped back.
  let last = BigInt(after);
  return {
    next() {
      let id = ((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (1n << 17n);
      if (id <= last) id = last + 1n;
      last = id;
      return id.toString();
    },
  };
}

/** Random url-safe token for interactions and webhooks. */
export function randomToken(prefix: string): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return `${prefix}.${Buffer.from(bytes).toString('base64url')}`;
}
