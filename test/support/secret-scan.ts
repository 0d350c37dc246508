// Checks that no secret a test run created reached a log line: the harness collects every secret that run handed
// out (the bot token, each interaction and channel-webhook token of the Discord fake, each access token the
// Instagram emulator minted, the client secret, the verify token, the encryption key) and scans all the text
// igcord and the fakes logged. A failure names the secret and the line, with the value itself masked, so the test
// report does not leak it either.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IssuedTokens } from '../../sandbox/discord/index.js';

export interface NamedSecret {
  name: string;
  value: string;
}

/** Secrets shorter than this are not scanned for: they would match ordinary text (none of ours is that short). */
const MIN_SECRET_LENGTH = 12;

/** The Discord fake's tokens as named secrets. */
export function discordSecrets(issued: IssuedTokens): NamedSecret[] {
  return [
    { name: 'the bot token', value: issued.bot },
    ...issued.interactions.map((value, i) => ({ name: `interaction token #${i + 1}`, value })),
    ...issued.webhooks.map((value, i) => ({ name: `channel-webhook token #${i + 1}`, value })),
    ...issued.oauth2.map((value, i) => ({ name: `Discord OAuth2 token #${i + 1}`, value })),
    { name: 'the Discord client secret', value: issued.clientSecret },
  ];
}

/** The Instagram emulator's access tokens as named secrets. */
export function instagramSecrets(accessTokens: readonly string[]): NamedSecret[] {
  return accessTokens.map((value, i) => ({ name: `Instagram access token #${i + 1}`, value }));
}

/** The encryption key as it could appear in a line: base64 (its configured form) and hex. */
export function keySecrets(name: string, key: Buffer): NamedSecret[] {
  return [
    { name: `${name} (base64)`, value: key.toString('base64') },
    { name: `${name} (hex)`, value: key.toString('hex') },
  ];
}

/** The secrets a test hands a child igcord through its environment (live mode: logs go to stdout). */
export function environmentSecrets(env: Record<string, string | undefined>): NamedSecret[] {
  const secrets: NamedSecret[] = [];
  if (env.INSTAGRAM_CLIENT_SECRET)
    secrets.push({ name: 'INSTAGRAM_CLIENT_SECRET', value: env.INSTAGRAM_CLIENT_SECRET });
  if (env.WEBHOOK_VERIFY_TOKEN) secrets.push({ name: 'WEBHOOK_VERIFY_TOKEN', value: env.WEBHOOK_VERIFY_TOKEN });
  if (env.DISCORD_TOKEN) secrets.push({ name: 'DISCORD_TOKEN', value: env.DISCORD_TOKEN });
  for (const name of ['TOKEN_ENCRYPTION_KEY', 'TOKEN_ENCRYPTION_KEYS_PREVIOUS'] as const) {
    for (const entry of (env[name] ?? '').split(',').filter(Boolean)) {
      const encoded = entry.slice(entry.indexOf(':') + 1);
      secrets.push(...keySecrets(name, Buffer.from(encoded, 'base64')));
    }
  }
  return secrets;
}

/** The sandbox encryption key igcord made in `dataDir` (src/storage/sandbox-key.ts), if there is one. */
export async function sandboxKeySecrets(dataDir: string): Promise<NamedSecret[]> {
  let text: string;
  try {
    text = await readFile(join(dataDir, 'token-encryption.key'), 'utf8');
  } catch {
    return [];
  }
  const parsed = JSON.parse(text) as { key: string };
  return keySecrets('the sandbox encryption key', Buffer.from(parsed.key, 'base64'));
}

/** Every log line (of `text`) that contains one of `secrets`, described without the secret's value. */
export function findLeaks(text: string, secrets: readonly NamedSecret[]): string[] {
  const usable = secrets.filter((s) => s.value.length >= MIN_SECRET_LENGTH);
  const leaks: string[] = [];
  for (const line of text.split('\n')) {
    const found = usable.filter((s) => line.includes(s.value));
    if (found.length === 0) continue;
    let masked = line;
    for (const s of found) masked = masked.split(s.value).join(`<${s.name}>`);
    leaks.push(`${found.map((s) => s.name).join(', ')} in: ${masked.slice(0, 1500)}`);
  }
  return leaks;
}

/** Throws when a line of `text` contains one of `secrets`, listing each such line (values masked). */
export function assertNoSecretLogged(text: string, secrets: readonly NamedSecret[], where = 'the logs'): void {
  const leaks = findLeaks(text, secrets);
  if (leaks.length > 0) throw new Error(`${leaks.length} line(s) of ${where} contain a secret:\n${leaks.join('\n')}`);
}
