// The es catalogue: one object per area, merged (each area's file stays small and merges stay local).
import { common } from './common.js';

export const es = { ...common };
