// Runs the ```sh examples of a README as a person pasting them into a shell would, so the examples and the code
// cannot drift apart. It understands only the little of sh the examples use — comments, `\` line continuations,
// quoting, `$NAME`, `NAME=value`, `NAME=$(curl … | jq -r .path)` — and curl with -s, -X, -H and -d, which it
// performs with fetch. Any other command goes to the caller's handler, and one it does not take fails the test:
// a README cannot grow an example that is not run.

export interface CurlCall {
  /** The command as written in the README (after line continuations are joined). */
  source: string;
  method: string;
  url: string;
  status: number;
  body: string;
  /** The README's `# → …` note of what comes back, if any. */
  note: string | undefined;
}

/** Any command other than curl and assignments: return true if handled. Receives the expanded words. */
export type CommandHandler = (words: string[], source: string) => Promise<boolean>;

/** The bodies of the fenced ```sh blocks of a markdown text, in order. */
export function shellBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```(?:sh|bash|shell)\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
}

/** Runs one block with `vars` as the shell's variables (updated by assignments); returns every curl call made. */
export async function runShellBlock(
  block: string,
  vars: Map<string, string>,
  handle: CommandHandler = async () => false,
): Promise<CurlCall[]> {
  const calls: CurlCall[] = [];
  for (const source of block.replace(/\\\n/g, ' ').split('\n')) {
    if (source.trim() === '' || source.trim().startsWith('#')) continue;
    const { words, comment } = await parse(source, vars);
    const note = comment?.match(/→\s*(.*)$/)?.[1]?.trim();
    if (words.length === 1 && /^[A-Za-z_]\w*=/.test(words[0]!)) {
      const [name, ...value] = words[0]!.split('=');
      vars.set(name!, value.join('='));
    } else if (words[0] === 'curl') {
      calls.push({ source: source.trim(), note, ...(await curl(words)) });
    } else if (!(await handle(words, source.trim()))) {
      throw new Error(`README example not understood: ${source.trim()}`);
    }
  }
  return calls;
}

async function parse(
  line: string,
  vars: Map<string, string>,
): Promise<{ words: string[]; comment: string | undefined }> {
  const words: string[] = [];
  let word: string | undefined;
  const add = (text: string) => (word = (word ?? '') + text);
  const variable = (at: number): [string, number] => {
    const braced = line.slice(at).match(/^\$\{([A-Za-z_]\w*)\}/);
    const plain = line.slice(at).match(/^\$([A-Za-z_]\w*)/);
    const match = braced ?? plain;
    if (!match) throw new Error(`README example: a lone $ in ${line}`);
    const value = vars.get(match[1]!);
    if (value === undefined) throw new Error(`README example uses $${match[1]} before setting it: ${line}`);
    return [value, at + match[0].length];
  };
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
      i++;
    } else if (c === '#' && word === undefined) {
      return { words, comment: line.slice(i + 1) };
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`README example: unclosed ' in ${line}`);
      add(line.slice(i + 1, end));
      i = end + 1;
    } else if (c === '"') {
      i++;
      add('');
      while (line[i] !== '"') {
        if (i >= line.length) throw new Error(`README example: unclosed " in ${line}`);
        if (line[i] === '\\' && /["\\$`]/.test(line[i + 1] ?? '')) {
          add(line[i + 1]!);
          i += 2;
        } else if (line[i] === '$') {
          const [value, next] = variable(i);
          add(value);
          i = next;
        } else add(line[i++]!);
      }
      i++;
    } else if (c === '$' && line[i + 1] === '(') {
      const end = closingParen(line, i + 2);
      add(await substitute(line.slice(i + 2, end), vars));
      i = end + 1;
    } else if (c === '$') {
      const [value, next] = variable(i);
      add(value);
      i = next;
    } else if (c === '|') {
      if (word !== undefined) words.push(word);
      word = undefined;
      words.push('|');
      i++;
    } else add(line[i++]!);
  }
  if (word !== undefined) words.push(word);
  return { words, comment: undefined };
}

function closingParen(line: string, from: number): number {
  let quote: string | undefined;
  for (let i = from; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === ')') return i;
  }
  throw new Error(`README example: unclosed $( in ${line}`);
}

/** `$(curl … | jq -r .a.b)`: the body of the call, or the value at that path of its JSON. */
async function substitute(command: string, vars: Map<string, string>): Promise<string> {
  const { words } = await parse(command, vars);
  const pipe = words.indexOf('|');
  const curlWords = pipe < 0 ? words : words.slice(0, pipe);
  if (curlWords[0] !== 'curl') throw new Error(`README example: only curl is run inside $(…): ${command}`);
  const { status, body } = await curl(curlWords);
  if (status < 200 || status > 299) throw new Error(`README example: ${command} answered ${status}: ${body}`);
  if (pipe < 0) return body.replace(/\n+$/, '');
  const filter = words.slice(pipe + 1);
  if (filter.length !== 3 || filter[0] !== 'jq' || filter[1] !== '-r' || !/^(\.[A-Za-z_]\w*)+$/.test(filter[2]!)) {
    throw new Error(`README example: only "| jq -r .path" is understood: ${command}`);
  }
  let value: unknown = JSON.parse(body);
  for (const key of filter[2]!.slice(1).split('.')) value = (value as Record<string, unknown> | null)?.[key];
  if (value === undefined || value === null) throw new Error(`README example: ${filter[2]} is not in ${body}`);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

async function curl(words: string[]): Promise<{ method: string; url: string; status: number; body: string }> {
  let method: string | undefined;
  let url: string | undefined;
  let data: string | undefined;
  const headers = new Headers();
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (w === '-s' || w === '--silent') continue;
    else if (w.startsWith('-X') && w.length > 2) method = w.slice(2);
    else if (w === '-X' || w === '--request') method = words[++i];
    else if (w === '-H' || w === '--header') {
      const header = words[++i] ?? '';
      const colon = header.indexOf(':');
      headers.set(header.slice(0, colon).trim(), header.slice(colon + 1).trim());
    } else if (w === '-d' || w === '--data') {
      data = words[++i];
      // curl's default for -d, unless the example names another.
      if (!headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded');
    } else if (!w.startsWith('-') && url === undefined) url = w;
    else throw new Error(`README example: curl option ${w} is not understood: ${words.join(' ')}`);
  }
  if (url === undefined) throw new Error(`README example: curl without a URL: ${words.join(' ')}`);
  const finalMethod = method ?? (data === undefined ? 'GET' : 'POST');
  const response = await fetch(url, { method: finalMethod, headers, ...(data === undefined ? {} : { body: data }) });
  return { method: finalMethod, url, status: response.status, body: await response.text() };
}
