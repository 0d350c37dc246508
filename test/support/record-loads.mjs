// `node --import ./record-loads.mjs …`: records the URL of every module the process loads, one a line, in the
// file named by IGCORD_LOADED_MODULES_FILE (tests read it to prove what a process did or did not load). Plain
// JavaScript: it runs before any TypeScript loader is in place.
import { register } from 'node:module';

const file = process.env.IGCORD_LOADED_MODULES_FILE;
if (!file) throw new Error('record-loads.mjs needs IGCORD_LOADED_MODULES_FILE');
register('./record-loads-hooks.mjs', import.meta.url, { data: { file } });
