// How every igcord entry point gets its configuration — `npm start`, `npm run deploy-commands`, `npm run
// subscriptions` and their compiled forms in dist/ — so a `.env` that works for one works for all: the `.env` of
// the working directory if there is one, under the real environment; a blank value counts as unset wherever it
// comes from (`.env.example` is all blank lines); then config.ts's one schema. A bad configuration is printed as
// one list naming each variable and what it expects, never a value, and the process exits 1 before doing anything.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { ConfigError, loadConfig, type Config, type LoadConfigOptions } from './config.js';

/** The variables in effect: `.env` (in `cwd`) under the real environment, blank values left out. */
export function readEnvironment(cwd: string = process.cwd()): Record<string, string> {
  const path = join(cwd, '.env');
  let fromFile: NodeJS.Dict<string> = {};
  if (existsSync(path)) {
    // Into process.env as well (Node 20.12+; a variable already set wins), for the libraries that read their own
    // settings from it (pg's PG* variables, for one).
    process.loadEnvFile(path);
    // Node's own parser again, because process.env keeps a blank real variable over the file's value, and blank
    // means unset here: `DISCORD_TOKEN=` exported by a shell must not hide the token written in .env.
    fromFile = parseEnv(readFileSync(path, 'utf8'));
  }
  const env: Record<string, string> = {};
  for (const [name, value] of [...Object.entries(fromFile), ...Object.entries(process.env)]) {
    if (value !== undefined && value.trim() !== '') env[name] = value;
  }
  return env;
}

export interface LoadedConfig {
  config: Config;
  /** The variables in effect (non-blank), for the rare question the Config does not answer: was it set at all? */
  env: Record<string, string>;
}

/**
 * The configuration of this process, or — on a bad one — the list of problems on stderr and exit code 1.
 * `options.required` names what this entry point needs (see LoadConfigOptions).
 */
export function loadConfigOrExit(options: LoadConfigOptions & { cwd?: string } = {}): LoadedConfig {
  const env = readEnvironment(options.cwd);
  try {
    return { config: loadConfig(env, options), env };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // Synchronous on a terminal, a file and (on Linux) a pipe, so the message is out before the exit.
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
