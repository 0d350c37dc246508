// A small browser for the sandbox: it follows redirects by hand, keeps cookies the way a browser does (per host,
// shared across ports, dropped when a server expires them), and reads and submits HTML forms. The console plays a
// person's browser with it when linking (igcord's link page sets a cookie the later steps require), and tests use
// it as "the victim's browser" or "the owner's browser" over real HTTP.

export interface Landing {
  url: string;
  status: number;
  headers: Headers;
  html: string;
}

export interface PageForm {
  action: string;
  /** The form's hidden inputs. */
  fields: URLSearchParams;
  /** The options of the form's select, value and visible label. */
  options: Array<{ value: string; label: string }>;
}

export class FormBrowserError extends Error {
  override readonly name = 'FormBrowserError';
}

const MAX_REDIRECTS = 10;

export const decodeHtml = (text: string) =>
  text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const attribute = (tag: string, name: string) => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decodeHtml(match[1]!) : undefined;
};

export class FormBrowser {
  /** host → cookie name → value. Cookies are not isolated by port, as in browsers. */
  private readonly jar = new Map<string, Map<string, string>>();
  /** Every URL requested, in order, redirects included. */
  readonly history: string[] = [];

  constructor(private readonly timeoutMs = 10_000) {}

  /** Opens a URL and follows redirects; the page it lands on. */
  get(url: string): Promise<Landing> {
    return this.follow(url, { method: 'GET' });
  }

  /** Submits form `formId` of a page with its hidden fields plus `values`, and follows redirects. */
  submit(landing: Landing, formId: string, values: Record<string, string>): Promise<Landing> {
    const form = this.form(landing, formId);
    for (const [name, value] of Object.entries(values)) form.fields.set(name, value);
    return this.follow(form.action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.fields.toString(),
    });
  }

  /** Reads form `formId` of a page: its action (absolute), hidden fields and select options. */
  form(landing: Landing, formId: string): PageForm {
    const open = new RegExp(`<form id="${formId}"[^>]*>`).exec(landing.html);
    const body = new RegExp(`<form id="${formId}"[^>]*>([\\s\\S]*?)</form>`).exec(landing.html)?.[1];
    if (!open || body === undefined)
      throw new FormBrowserError(`the page at ${new URL(landing.url).pathname} has no form #${formId}`);
    const fields = new URLSearchParams();
    for (const input of body.match(/<input[^>]*>/g) ?? []) {
      const name = attribute(input, 'name');
      if (name !== undefined && attribute(input, 'type') === 'hidden')
        fields.append(name, attribute(input, 'value') ?? '');
    }
    const options = [...body.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)/g)].map((m) => ({
      value: decodeHtml(m[1]!),
      label: decodeHtml(m[2]!).trim(),
    }));
    return { action: new URL(attribute(open[0], 'action') ?? landing.url, landing.url).toString(), fields, options };
  }

  /** The cookies this browser would send to `url`. */
  cookies(url: string): Record<string, string> {
    return Object.fromEntries(this.jar.get(new URL(url).hostname) ?? new Map<string, string>());
  }

  /** Forgets every cookie (a fresh browser profile). */
  clearCookies(): void {
    this.jar.clear();
  }

  private async follow(
    start: string,
    init: { method: string; headers?: Record<string, string>; body?: string },
  ): Promise<Landing> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    let url = start;
    let request = init;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
      this.history.push(url);
      const cookie = Object.entries(this.cookies(url))
        .map(([name, value]) => `${name}=${value}`)
        .join('; ');
      const response = await fetch(url, {
        method: request.method,
        headers: { ...request.headers, ...(cookie === '' ? {} : { cookie }) },
        body: request.body,
        redirect: 'manual',
        signal,
      });
      this.store(url, response.headers.getSetCookie());
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.arrayBuffer();
        url = new URL(location, url).toString();
        // A 302/303 after a POST is followed with a GET, as browsers do.
        request = { method: 'GET' };
        continue;
      }
      return { url, status: response.status, headers: response.headers, html: await response.text() };
    }
    throw new FormBrowserError(`more than ${MAX_REDIRECTS} redirects from ${start}`);
  }

  private store(url: string, setCookies: string[]): void {
    const host = new URL(url).hostname;
    const cookies = this.jar.get(host) ?? new Map<string, string>();
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';');
      const separator = pair.indexOf('=');
      if (separator <= 0) continue;
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((a) => {
        const [key = '', v = ''] = a.split('=').map((s) => s.trim());
        return (
          (key.toLowerCase() === 'max-age' && Number(v) <= 0) ||
          (key.toLowerCase() === 'expires' && Date.parse(v) <= Date.now())
        );
      });
      if (expired) cookies.delete(name);
      else cookies.set(name, value);
    }
    this.jar.set(host, cookies);
  }
}
