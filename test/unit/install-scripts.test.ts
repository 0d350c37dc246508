// `npm ci` must install igcord without a compiler and without npm's "install scripts not yet covered by
// allowScripts" warning: every package in the lockfile that has an install script is one we reviewed, and
// package.json decides for each one whether it runs. None of them needs to: each ships what it needs as files.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<string, { version?: string; hasInstallScript?: boolean }>;
};
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  allowScripts?: Record<string, boolean>;
};

/** The packages allowed to carry an install script, and why igcord does not need it to run. */
const REVIEWED: Record<string, string> = {
  // esbuild's binary is in its platform package (@esbuild/linux-x64, …), an optional dependency npm installs
  // for this platform; the postinstall only re-checks that binary (tsx and vite run without it).
  esbuild: 'binary comes in the @esbuild/<platform> optional dependency',
  // The SQLite driver ships prebuilt binaries for Linux (glibc and musl), macOS and Windows in its prebuilds/
  // folder, found at load time by node-gyp-build; its install script would only compile where none fits.
  '@appthreat/sqlite3': 'binaries ship in the package under prebuilds/',
  // BullMQ's encoder (msgpackr) loads its native speed-up from the @msgpackr-extract/<platform> optional
  // dependency when one fits and falls back to plain JavaScript otherwise; the script would only compile one.
  'msgpackr-extract': 'binaries come in @msgpackr-extract/<platform>; msgpackr runs without it',
};

/** Lockfile paths look like `node_modules/a/node_modules/@scope/b`: the package name is what follows the last one. */
const nameOf = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

const withInstallScript = Object.entries(lock.packages)
  .filter(([path, entry]) => path !== '' && entry.hasInstallScript === true)
  .map(([path]) => nameOf(path));

describe('install without a compiler', () => {
  it('has no package with an install script in the lockfile but the reviewed ones', () => {
    expect(withInstallScript.filter((name) => !(name in REVIEWED))).toEqual([]);
  });

  it('covers every install script in allowScripts, and lets none of them run', () => {
    const allow = manifest.allowScripts ?? {};
    expect(withInstallScript.filter((name) => !(name in allow))).toEqual([]);
    expect(Object.entries(allow).filter(([, runs]) => runs !== false)).toEqual([]);
  });

  it('installs no SQLite driver that compiles from source', () => {
    const names = Object.keys(lock.packages).map(nameOf);
    expect(
      names.filter((name) => name === 'sqlite3' || name === 'better-sqlite3' || name === 'prebuild-install'),
    ).toEqual([]);
  });
});
