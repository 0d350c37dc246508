// DISCORD_STATE_STORE and DISCORD_GLOBAL_RATE_LIMIT (docs/decisions/0022): Discord state and the global request
// window stay in memory for one process, move to Redis when REDIS_URL is set, and redis without a URL is refused.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('config: where Discord state and the global request window live', () => {
  it('keeps them in memory with Discord’s 50 per second when no Redis is configured', () => {
    expect(loadConfig({}).discord).toMatchObject({ stateStore: 'memory', redisUrl: undefined, globalRateLimit: 50 });
  });

  it('shares them in Redis as soon as REDIS_URL is set, unless told memory', () => {
    const redis = { REDIS_URL: 'redis://127.0.0.1:6379' };
    expect(loadConfig(redis).discord).toMatchObject({ stateStore: 'redis', redisUrl: 'redis://127.0.0.1:6379' });
    expect(loadConfig({ ...redis, DISCORD_STATE_STORE: 'memory' }).discord.stateStore).toBe('memory');
  });

  it('refuses redis without REDIS_URL, an unknown store and a limit that is no positive integer', () => {
    expect(problemsOf({ DISCORD_STATE_STORE: 'redis' })).toEqual([
      expect.stringMatching(/^REDIS_URL: expected redis:\/\/… when DISCORD_STATE_STORE=redis/),
    ]);
    const problems = problemsOf({ DISCORD_STATE_STORE: 'disk', DISCORD_GLOBAL_RATE_LIMIT: '0' });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^DISCORD_STATE_STORE: expected memory or redis/),
        expect.stringMatching(/^DISCORD_GLOBAL_RATE_LIMIT: /),
      ]),
    );
  });
});
