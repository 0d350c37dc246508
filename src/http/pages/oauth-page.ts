// The small HTML pages a browser lands on at the end of the Instagram link flow: linked, cancelled, or what went
// wrong, in the language it is given (page-locale.ts). Everything interpolated is escaped here, so no query value can become markup; the pages carry no token,
// code or state, load nothing from elsewhere, and must not be cached or framed (the URL that led here held a code).
import { html, type HttpResponse } from '../http-response.js';

export type OAuthPageTone = 'success' | 'cancelled' | 'error';

export interface OAuthPage {
  status: number;
  tone: OAuthPageTone;
  /** Stable identifier of the outcome (`linked`, `state-expired`, …), on the page as `data-outcome` for tests and support. */
  outcome: string;
  title: string;
  /** Paragraphs of plain text; escaped here. */
  paragraphs: readonly string[];
}

/** The language a page is written in: its `<html lang>` and its closing line, in that language. */
export interface OAuthPageLanguage {
  lang: string;
  close: string;
}

const TONE_COLOR: Record<OAuthPageTone, string> = { success: '#1a7f37', cancelled: '#6e7781', error: '#cf222e' };

/** Escapes the five characters that matter in HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Headers every page of the flow carries: not stored, not framed, no referrer, nothing loaded from elsewhere. */
export const OAUTH_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  pragma: 'no-cache',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

export function renderOAuthPage(page: OAuthPage, language: OAuthPageLanguage): HttpResponse {
  const body = page.paragraphs.map((p) => `    <p>${escapeHtml(p)}</p>`).join('\n');
  return html(
    page.status,
    `<!DOCTYPE html>
<html lang="${escapeHtml(language.lang)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>${escapeHtml(page.title)} · igcord</title>
  <style>
    body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; color: #1f2328; }
    h1 { color: ${TONE_COLOR[page.tone]}; font-size: 1.5rem; }
    p { line-height: 1.5; }
  </style>
</head>
<body>
  <main data-outcome="${escapeHtml(page.outcome)}">
    <h1>${escapeHtml(page.title)}</h1>
${body}
    <p>${escapeHtml(language.close)}</p>
  </main>
</body>
</html>
`,
    { ...OAUTH_PAGE_HEADERS },
  );
}
