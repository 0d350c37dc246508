// DISCORD_INTERACTIONS and DISCORD_PUBLIC_KEY: gateway by default; http in live mode needs the application's
// public key, and a malformed key is named without its value.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const LIVE = {
  DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.discord-bot-token-secret',
  DISCORD_APPLICATION_ID: '123456789012345678',
  DISCORD_CLIENT_SECRET: 'discord-oauth2-client-secret_0123',
  INSTAGRAM_CLIENT_ID: '0123456789abcdef0123456789abcdef',
  INSTAGRAM_CLIENT_SECRET: 'fedcba9876543210fedcba9876543210',
  PUBLIC_URL: 'https://igcord.example.org/',
  WEBHOOK_VERIFY_TOKEN: 'verify-me-please',
  TOKEN_ENCRYPTION_KEY: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
};
const PUBLIC_KEY = 'a'.repeat(64);

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('config: where interactions arrive', () => {
  it('takes interactions over the gateway by default, with no public key needed', () => {
    expect(loadConfig(LIVE).discord).toMatchObject({ interactions: 'gateway', publicKey: undefined });
  });

  it('refuses DISCORD_INTERACTIONS=http in live mode without DISCORD_PUBLIC_KEY, and accepts it with one', () => {
    expect(problemsOf({ ...LIVE, DISCORD_INTERACTIONS: 'http' })).toEqual([
      expect.stringMatching(/^DISCORD_PUBLIC_KEY: missing; with DISCORD_INTERACTIONS=http/),
    ]);
    expect(loadConfig({ ...LIVE, DISCORD_INTERACTIONS: 'http', DISCORD_PUBLIC_KEY: PUBLIC_KEY }).discord).toMatchObject(
      { interactions: 'http', publicKey: PUBLIC_KEY },
    );
  });

  it('names a malformed public key or mode without echoing it', () => {
    const problems = problemsOf({ ...LIVE, DISCORD_INTERACTIONS: 'webhook', DISCORD_PUBLIC_KEY: 'zz-not-hex-zz' });
    expect(problems).toEqual([
      expect.stringMatching(/^DISCORD_INTERACTIONS: expected gateway or http/),
      expect.stringMatching(/^DISCORD_PUBLIC_KEY: expected the 64-hex-character public key/),
    ]);
    expect(problems.join('\n')).not.toContain('zz-not-hex-zz');
  });

  it('needs no public key in the sandbox, which takes it from its own Discord', () => {
    expect(loadConfig({ DISCORD_INTERACTIONS: 'http' }).discord).toMatchObject({
      interactions: 'http',
      publicKey: undefined,
    });
  });
});
