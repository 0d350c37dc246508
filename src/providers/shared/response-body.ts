// Reading an Instagram answer's body, for every provider: a redirect is never followed (it would re-send a token or
// a client secret to wherever it points), and a body that is not a JSON object is described once here, each
// provider raising it as its own response error.

/** The origin a redirect points at, for the error and the log (never the full URL: it may carry a token). */
export function redirectOrigin(location: string | null, requested: URL): string {
  return location !== null && URL.canParse(location, requested.href) ? new URL(location, requested).origin : 'nowhere';
}

/** Why a body is not a JSON object, with the error fields a provider's response error takes. */
export interface UnreadableBody {
  ok: false;
  /** "an HTML page", "a body that is not valid JSON", "JSON that is not an object". */
  detail: string;
  type: 'HtmlResponse' | 'MalformedResponse';
  retryable?: boolean;
  cause?: unknown;
}

export type ReadBody = { ok: true; json: Record<string, unknown> } | UnreadableBody;

export function readJsonObject(text: string, status: number): ReadBody {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // An HTML error page (unknown route, proxy failure) or a truncated body. A truncated 200 is a transport
    // accident, so the read may be repeated; an HTML 4xx page will not change by asking again.
    const html = /^\s*</.test(text);
    return {
      ok: false,
      detail: html ? 'an HTML page' : 'a body that is not valid JSON',
      type: html ? 'HtmlResponse' : 'MalformedResponse',
      retryable: status >= 500 || !html,
      cause: error,
    };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, detail: 'JSON that is not an object', type: 'MalformedResponse' };
  }
  return { ok: true, json: json as Record<string, unknown> };
}
