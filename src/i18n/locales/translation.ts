// The shape a translation of an English catalogue file must have: the same keys, strings where English has
// strings, and for each plural key `x_other` also `x_many`, the form Spanish and Portuguese use for large round
// numbers (Intl.PluralRules: es and pt-BR have one, many, other; English one, other).
type ManyOf<T> = { [K in keyof T as K extends `${infer B}_other` ? `${B}_many` : never]: string };

export type Translation<T> = {
  [K in keyof T]: T[K] extends string ? string : Translation<T[K]>;
} & ManyOf<T>;
