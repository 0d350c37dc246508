// Plays the browser's part of linking in the sandbox: opens the emulator's authorize page at the URL igcord's
// Link button gave, signs in as the chosen sandbox user by submitting the page's own Authorize form, and follows
// the redirect to igcord's OAuth callback. Everything goes over HTTP exactly as a browser would send it, so the
// console exercises the real callback route, state check and code exchange.

export interface AuthorizeResult {
  /** HTTP status of igcord's callback page. */
  status: number;
  /** The callback page as plain text (what the browser would show). */
  page: string;
}

export class AuthorizeError extends Error {
  override readonly name = 'AuthorizeError';
}

const decode = (text: string) =>
  text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const attribute = (tag: string, name: string) => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decode(match[1]!) : undefined;
};

/** The visible text of an HTML page: tags dropped, block ends as line breaks, blank lines squeezed. */
export function pageText(html: string): string {
  return decode(
    html
      .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, '')
      .replace(/<\/(p|h\d|li|div|title|tr)>|<br\s*\/?>/gi, '\n')
      .replace(/<[^>]+>/g, ''),
  )
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

export async function authorizeAs(authorizeUrl: string, username: string, timeoutMs = 10_000): Promise<AuthorizeResult> {
  const signal = AbortSignal.timeout(timeoutMs);
  const pageResponse = await fetch(authorizeUrl, { signal });
  const html = await pageResponse.text();
  if (pageResponse.status !== 200) throw new AuthorizeError(`the authorize page answered ${pageResponse.status}: ${pageText(html).slice(0, 300)}`);

  const form = /<form id="authorize"[^>]*>([\s\S]*?)<\/form>/.exec(html);
  if (!form) throw new AuthorizeError('the authorize page has no Authorize form');
  const fields = new URLSearchParams();
  for (const input of form[1]!.match(/<input[^>]*>/g) ?? []) {
    const name = attribute(input, 'name');
    if (name !== undefined && attribute(input, 'type') === 'hidden') fields.append(name, attribute(input, 'value') ?? '');
  }
  const users = [...form[1]!.matchAll(/<option value="([^"]*)"[^>]*>([^<(]+)/g)].map((m) => ({ id: decode(m[1]!), username: decode(m[2]!).trim() }));
  const user = users.find((u) => u.username === username || u.id === username);
  if (!user) throw new AuthorizeError(`no sandbox user "${username}" on the page; choose one of: ${users.map((u) => u.username).join(', ')}`);
  fields.set('user_id', user.id);
  fields.set('decision', 'authorize');

  const action = new URL(attribute(/<form id="authorize"[^>]*>/.exec(html)![0], 'action') ?? '/oauth/authorize/', authorizeUrl);
  const submitted = await fetch(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: fields.toString(),
    redirect: 'manual',
    signal,
  });
  await submitted.arrayBuffer();
  const location = submitted.headers.get('location');
  if (submitted.status !== 302 || !location) throw new AuthorizeError(`the emulator did not redirect after Authorize (status ${submitted.status})`);

  const callback = await fetch(new URL(location, action), { signal, redirect: 'follow' });
  return { status: callback.status, page: pageText(await callback.text()) };
}
