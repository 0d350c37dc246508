// Small HTTP helpers for the Graph emulator's node:http server: JSON and HTML answers, redirects; body reading,
// form parsing and escaping are shared with the v1 emulator (../shared/http-util.ts).
import type { ServerResponse } from 'node:http';
import { escapeHtml, sendText } from '../shared/http-util.js';

export { BodyTooLargeError, MAX_BODY_BYTES, escapeHtml, formOf, readBody, sendText } from '../shared/http-util.js';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendText(res, status, JSON.stringify(body), 'application/json; charset=UTF-8', headers);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  sendText(res, status, html, 'text/html; charset=utf-8');
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { Location: location, 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<!DOCTYPE html><html><body><a href="${escapeHtml(location)}">Continue</a></body></html>`);
}
