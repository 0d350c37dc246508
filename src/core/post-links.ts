// Media ids, shortcodes and instagram.com links (reference §2.3), the same whichever API serves the post. A media id
// is `<pk>_<owner id>`; its shortcode is the pk written in base 64 over `A–Z a–z 0–9 - _`, most significant digit
// first (verified on real pairs such as BSCoDz7Du7k ↔ 1477919811501485796). pks pass 2^53, so the arithmetic is done
// on bigint.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const SHORTCODE = /^[A-Za-z0-9_-]{1,32}$/;

/** The pk (as a decimal string) a shortcode encodes; throws RangeError on characters outside the alphabet. */
export function shortcodeToPk(shortcode: string): string {
  if (!SHORTCODE.test(shortcode)) throw new RangeError(`not an Instagram shortcode: ${JSON.stringify(shortcode)}`);
  let pk = 0n;
  for (const char of shortcode) pk = pk * 64n + BigInt(ALPHABET.indexOf(char));
  return pk.toString();
}

/** The shortcode of a pk, or of a full media id `<pk>_<owner id>`. */
export function pkToShortcode(pkOrMediaId: string | bigint): string {
  const text = typeof pkOrMediaId === 'bigint' ? pkOrMediaId.toString() : (pkOrMediaId.split('_')[0] ?? '');
  if (!/^\d+$/.test(text)) throw new RangeError(`not an Instagram media id: ${JSON.stringify(pkOrMediaId)}`);
  let pk = BigInt(text);
  if (pk === 0n) return ALPHABET[0]!;
  let code = '';
  while (pk > 0n) {
    code = ALPHABET[Number(pk % 64n)]! + code;
    pk /= 64n;
  }
  return code;
}

/** The media's public page, as the API's `link` field writes it. */
export function mediaLink(shortcode: string): string {
  return `https://www.instagram.com/p/${shortcode}/`;
}

/**
 * The shortcode in a pasted post link: `https://www.instagram.com/p/<code>/` (with or without `www.`, scheme,
 * trailing slash, query or fragment; `instagr.am` short links and `/tv/`, `/reel/` paths too). Undefined otherwise.
 */
export function parseMediaUrl(input: string): string | undefined {
  const text = input.trim();
  const withScheme = /^[a-z]+:\/\//i.test(text) ? text : `https://${text}`;
  if (!URL.canParse(withScheme)) return undefined;
  const url = new URL(withScheme);
  if (!/^https?:$/.test(url.protocol)) return undefined;
  if (!/^(www\.)?(instagram\.com|instagr\.am)$/i.test(url.hostname)) return undefined;
  const match = /^\/(?:[A-Za-z0-9._]+\/)?(?:p|tv|reel)\/([A-Za-z0-9_-]+)\/?$/.exec(url.pathname);
  return match?.[1];
}
