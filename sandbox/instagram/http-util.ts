// Small HTTP helpers for the emulator's node:http server: JSON/JSONP answers and the HTML 404 page; body reading,
// form parsing (JSON bodies are deliberately not understood on API routes, like the real API) and escaping are
// shared with the Graph emulator (../shared/http-util.ts).
import type { ServerResponse } from 'node:http';
import { sendText } from '../shared/http-util.js';

export { BodyTooLargeError, MAX_BODY_BYTES, escapeHtml, formOf, readBody, sendText } from '../shared/http-util.js';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendText(res, status, JSON.stringify(body), 'application/json; charset=utf-8', headers);
}

/** Unknown routes answer an HTML page, not a JSON envelope, as the real API did (reference §1.1). */
export function sendHtml404(res: ServerResponse, headers: Record<string, string> = {}): void {
  sendText(
    res,
    404,
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Page Not Found &bull; Instagram</title></head>' +
      '<body><h2>Sorry, this page isn&#39;t available.</h2>' +
      '<p>The link you followed may be broken, or the page may have been removed.</p></body></html>\n',
    'text/html; charset=utf-8',
    headers,
  );
}
