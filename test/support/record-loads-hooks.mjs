// Module loader hooks of record-loads.mjs (they run on Node's loader thread): every module loaded, whatever
// imported it and however (static or dynamic import), has its URL appended to the file given at registration.
import { appendFileSync } from 'node:fs';

let file;

export function initialize(data) {
  file = data.file;
}

export async function load(url, context, nextLoad) {
  appendFileSync(file, `${url}\n`);
  return nextLoad(url, context);
}
