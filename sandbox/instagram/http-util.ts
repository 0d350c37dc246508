// Small HTTP helpers for the emulator's node:http server: bounded body reading, form parsing (JSON bodies are
// deliberately not understood on API routes, like the real API), JSON/JSONP answers and the HTML 404 page.
import type { IncomingMessage, ServerResponse } from 'node:http';

export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError('body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** The form fields of a body when it is application/x-www-form-urlencoded; nothing otherwise. */
export function formOf(req: IncomingMessage, body: Buffer): URLSearchParams {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return new URLSearchParams();
  return new URLSearchParams(body.toString('utf8'));
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  contentType: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': contentType, ...headers });
  res.end(text);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
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
