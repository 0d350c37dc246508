// Entry point of `npm start` (and, compiled, of `npm run start:prod`): reads `.env` if there is one, checks the
// environment (a bad one is reported in full and exits 1 without printing any value; src/config-loader.ts), settles
// the HTTP port (the sandbox leaves a busy default port for a free one and says so; a busy port otherwise exits 1
// naming it; src/choose-http-port.ts), starts igcord — the local sandbox when no credentials are set — and
// shuts it down once, within SHUTDOWN_TIMEOUT_MS, on SIGTERM or SIGINT (or, exiting 1, when its instance lock is
// lost). Another igcord on the same storage or bot token makes it exit 1 with one line naming the other. In the
// sandbox, the logs go to a file and the terminal belongs to the sandbox console (src/console), where a person
// types slash commands.
import { dirname, join, resolve } from 'node:path';
import { pino } from 'pino';
import { loadConfigOrExit } from './config-loader.js';
import { asPortInUse, chooseHttpPort, PortInUseError } from './choose-http-port.js';
import { createLogger } from './log.js';
import { startIgcord } from './app.js';
import type { SandboxConsole } from './console/console.js';
import { ensurePrivateDir, ensurePrivateFile, PRIVATE_FILE_MODE } from './util/private-files.js';

async function main(): Promise<void> {
  const { config: loaded, env } = loadConfigOrExit();
  const portFromVariable = env.HTTP_PORT !== undefined;
  const { config, movedFrom } = await chooseHttpPort(loaded, portFromVariable).catch((error: unknown) =>
    exitOnPortInUse(error, portFromVariable),
  );
  const sandboxMode = config.mode === 'sandbox';
  // JSON lines would bury the console, so the sandbox logs to a file; live mode keeps them on stdout for the
  // process supervisor. Sync writes, so the last lines before an exit are not lost.
  const logFile = resolve(join(config.dataDir, 'sandbox', 'igcord.log'));
  if (sandboxMode) {
    // The log file and its directories are the owner's only, made so before the first line is written.
    ensurePrivateDir(config.dataDir);
    ensurePrivateDir(dirname(logFile));
    ensurePrivateFile(logFile);
  }
  const log = createLogger({
    level: config.logLevel,
    ...(sandboxMode ? { destination: pino.destination({ dest: logFile, sync: true, mode: PRIVATE_FILE_MODE }) } : {}),
  });
  if (sandboxMode) process.stdout.write('igcord: no credentials configured; starting the local sandbox…\n');
  const app = await startIgcord(config, log).catch((error: unknown) => exitOnPortInUse(error, portFromVariable));

  let stopping = false;
  let sandboxConsole: SandboxConsole | undefined;
  const stop = (signal: NodeJS.Signals | 'lock lost', exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    sandboxConsole?.close();
    if (sandboxMode)
      process.stdout.write(`igcord: ${signal === 'SIGTERM' ? 'SIGTERM received; ' : ''}shutting down…\n`);
    log.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      log.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown did not finish in time; exiting anyway');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    deadline.unref();
    app.close().then(
      () => {
        log.info('stopped');
        process.exit(exitCode);
      },
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // Wrapped: node passes the signal's number as a second argument, which would become the exit code.
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  void app.instanceLockLost.then((error) => {
    process.stderr.write(`igcord: ${error.message}\n`);
    log.error({ err: error }, 'instance lock lost');
    stop('lock lost', 1);
  });
  // From this line on a signal shuts igcord down cleanly (supervisors and tests wait for it).
  log.info({ mode: config.mode }, 'igcord started');

  if (app.sandbox) {
    // The console is the sandbox's alone: a live process never loads it.
    const [{ sandboxBanner }, { startConsole }] = await Promise.all([
      import('./console/banner.js'),
      import('./console/console.js'),
    ]);
    if (movedFrom !== undefined) {
      process.stdout.write(
        `igcord: port ${movedFrom} is in use, so the sandbox took port ${app.http.port}; set HTTP_PORT to choose one.\n`,
      );
    }
    process.stdout.write(
      sandboxBanner({
        httpUrl: app.http.url,
        instagramUrl: app.sandbox.people.url,
        discordUrl: app.sandbox.discord.url,
        guildName: 'igcord sandbox',
        channels: Object.keys(app.sandbox.guild.channels),
        logFile,
        dataDir: resolve(app.config.dataDir),
      }),
    );
    sandboxConsole = startConsole({
      sandbox: app.sandbox,
      definitions: app.bot.commands.definitions,
      input: process.stdin,
      output: process.stdout,
      log: log.child({ component: 'console' }),
      onQuit: () => stop('SIGINT'),
    });
  }
}

/** A busy port is a person's to fix, not a crash: one line, exit 1. Anything else goes on up. */
function exitOnPortInUse(error: unknown, portFromVariable: boolean): never {
  const busy = error instanceof PortInUseError ? error : asPortInUse(error, portFromVariable);
  if (!busy) throw error;
  process.stderr.write(`${busy.message}\n`);
  process.exit(1);
}

main().catch((error: unknown) => {
  process.stderr.write(`igcord failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
