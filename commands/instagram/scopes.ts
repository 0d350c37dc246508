// The Instagram scopes /instagram link asks for: parsed from what a person types (the `scopes` option, the paste
// modal's field) and put in one stable list, so the link prompt and a pasted token name the same scopes the same way.
import { z } from 'zod';
import { validateOption } from '../_shared/input/validate-option.js';
import { text } from '../../src/i18n/i18n.js';

/** The scopes typed into an option, each one the provider knows (`known`, from the Instagram port). */
const scopesOptionSchema = (known: readonly string[]) =>
  z
    .string()
    .max(200)
    .transform((v) => v.split(/[\s,+]+/).filter(Boolean))
    .pipe(
      z
        .array(z.enum(known as [string, ...string[]], { error: `expected scopes among ${known.join(', ')}` }))
        .min(1, { error: 'expected at least one scope' }),
    );

/** The scopes asked for: the given ones (or the configured default), always with `basic`, each once, in a stable order. */
export function scopeList(known: readonly string[], requested: readonly string[]): string[] {
  const wanted = new Set(['basic', ...requested]);
  return known.filter((s) => wanted.has(s));
}

export function parseScopesOption(known: readonly string[], value: string): string[] {
  return validateOption(scopesOptionSchema(known), value, {
    option: 'scopes',
    id: 'input.invalid-scopes',
    message: () => text('replies.scopes.invalid', { scopes: known.join(', ') }),
  });
}
