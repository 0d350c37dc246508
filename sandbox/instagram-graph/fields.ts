// Graph's field selection and expansion (reference §1.4): `fields=id,caption,children{media_url,media_type}`,
// modifiers chained with dots (`media.limit(5).after(QVFI){id}`, `business_discovery.username(x){…}`), nested to
// any depth. `parseFields` turns the text into a tree and throws a Graph error 100 on bad syntax;
// `serializeFields` writes a tree back (for `next` links).
import { GraphError } from './graph-error.js';

export interface FieldSelection {
  name: string;
  /** Modifiers in order: `limit` → '5', `after` → 'QVFI', `username` → 'x'. */
  modifiers: Map<string, string>;
  /** Sub-fields for `{…}`; undefined when none were given. */
  children?: FieldSelection[];
}

const syntaxError = (detail: string) => new GraphError(100, `(#100) Syntax error "${detail}" in the fields parameter`);

export function parseFields(text: string): FieldSelection[] {
  let pos = 0;
  const peek = () => text[pos];

  const name = (): string => {
    const match = /^[A-Za-z0-9_]+/.exec(text.slice(pos));
    if (!match) throw syntaxError(`Expected a field name at character ${pos}`);
    pos += match[0].length;
    return match[0];
  };

  const argument = (): string => {
    // Arguments run to the matching ')': usernames, numbers, cursors (base64url, may contain '=').
    const end = text.indexOf(')', pos);
    if (end < 0) throw syntaxError(`Expected ")" after character ${pos}`);
    const value = text.slice(pos, end);
    pos = end + 1;
    return value;
  };

  const list = (nested: boolean): FieldSelection[] => {
    const out: FieldSelection[] = [];
    for (;;) {
      while (peek() === ' ') pos += 1;
      const field: FieldSelection = { name: name(), modifiers: new Map() };
      while (peek() === '.') {
        pos += 1;
        const modifier = name();
        if (peek() !== '(') throw syntaxError(`Expected "(" after ${modifier}`);
        pos += 1;
        field.modifiers.set(modifier, argument());
      }
      if (peek() === '{') {
        pos += 1;
        field.children = list(true);
        if (peek() !== '}') throw syntaxError(`Expected "}" at character ${pos}`);
        pos += 1;
      }
      out.push(field);
      while (peek() === ' ') pos += 1;
      if (peek() === ',') {
        pos += 1;
        continue;
      }
      if (nested ? peek() === '}' : pos === text.length) return out;
      throw syntaxError(`Unexpected "${peek() ?? ''}" at character ${pos}`);
    }
  };

  if (text.trim() === '') return [];
  return list(false);
}

export function serializeFields(fields: readonly FieldSelection[]): string {
  return fields
    .map((f) => {
      const modifiers = [...f.modifiers].map(([k, v]) => `.${k}(${v})`).join('');
      return `${f.name}${modifiers}${f.children ? `{${serializeFields(f.children)}}` : ''}`;
    })
    .join(',');
}

/** The selection from a `fields` query parameter, or the node's defaults when absent. */
export function selectionOf(fieldsParam: string | null, defaults: readonly string[]): FieldSelection[] {
  if (fieldsParam === null || fieldsParam.trim() === '')
    return defaults.map((name) => ({ name, modifiers: new Map() }));
  return parseFields(fieldsParam);
}
