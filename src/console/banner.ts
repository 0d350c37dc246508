// The first thing a person sees after `npm start` without credentials: that this is the sandbox, where its parts
// listen, where the logs went, and how to go live.
import { CREDENTIAL_VARIABLES, LIVE_REQUIRED_VARIABLES } from '../config.js';

export interface BannerFacts {
  httpUrl: string;
  instagramUrl: string;
  discordUrl: string;
  guildName: string;
  channels: string[];
  logFile: string;
  dataDir: string;
}

export function sandboxBanner(facts: BannerFacts): string {
  const live = LIVE_REQUIRED_VARIABLES.filter((v) => !(CREDENTIAL_VARIABLES as readonly string[]).includes(v));
  return [
    '',
    '  igcord — SANDBOX',
    '  No credentials are configured, so igcord runs against local stand-ins for Discord and Instagram.',
    '  Nothing you do here reaches the real services.',
    '',
    `  igcord HTTP          ${facts.httpUrl}   (/healthz, /metrics, /webhooks/instagram, /oauth/callback)`,
    `  Instagram emulator   ${facts.instagramUrl}   (admin API: ${facts.instagramUrl}/_emulator/)`,
    `  Discord fake         ${facts.discordUrl}   guild "${facts.guildName}": ${facts.channels.map((c) => `#${c}`).join(' ')}`,
    `  Data                 ${facts.dataDir}`,
    `  Logs                 ${facts.logFile}`,
    '',
    '  To go live: copy .env.example to .env and fill in',
    `  ${CREDENTIAL_VARIABLES.join(', ')},`,
    `  and ${live.join(', ')}; then run npm start again.`,
    '',
    '  You are "you", the owner of the sandbox guild, typing in #general.',
    '  Type help for the commands; /instagram link then authorize <user> to link a sandbox account.',
    '',
  ].join('\n');
}
