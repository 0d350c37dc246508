// What each IGCORD_ROLE needs of the environment (docs/decisions/0020). `all` is today's single process and may
// use anything. `edge` and `worker` run beside other igcord processes: they coordinate through Redis (REDIS_URL:
// the delivery job queue, shared budgets) and share a storage that more than one process can open at once (Redis
// or PostgreSQL; an SQLite file is one process's, and the instance lock would refuse the second anyway). An edge
// opens no gateway session, so interactions must reach it over HTTP. The sandbox runs its emulators inside its one
// process, so it is `all` only. Messages name variables and why; they never contain a value.
import type { environmentSchema } from './config-schema.js';
import type { z } from 'zod';

export type IgcordRole = 'all' | 'edge' | 'worker';

type Environment = z.infer<typeof environmentSchema>;

/** Every problem of the role's requirements, as `VARIABLE: why` lines. `limiterStoreSet`: LIMITER_STORE was given. */
export function roleProblems(e: Environment, mode: 'sandbox' | 'live', limiterStoreSet: boolean): string[] {
  const role = e.IGCORD_ROLE;
  if (role === 'all') return [];
  if (mode === 'sandbox') {
    return [
      `IGCORD_ROLE: expected all in the sandbox (its emulators live inside its one process); ${role} runs against real services`,
    ];
  }
  const problems: string[] = [];
  if (e.REDIS_URL === undefined) {
    problems.push(
      `REDIS_URL: missing; IGCORD_ROLE=${role} runs beside other igcord processes, which share the delivery job queue and the Instagram budgets through Redis`,
    );
  }
  if (e.STORAGE_URL === undefined || e.STORAGE_URL.startsWith('sqlite:')) {
    problems.push(
      `STORAGE_URL: expected redis://… or postgres://… with IGCORD_ROLE=${role}; an SQLite file is one process's storage (run IGCORD_ROLE=all on it)`,
    );
  }
  if (limiterStoreSet && e.LIMITER_STORE !== 'redis') {
    problems.push(
      `LIMITER_STORE: expected redis (or unset) with IGCORD_ROLE=${role}; a budget kept in one process's memory is spent once per process`,
    );
  }
  if (role === 'edge' && e.DISCORD_INTERACTIONS !== 'http') {
    problems.push(
      'DISCORD_INTERACTIONS: expected http with IGCORD_ROLE=edge; an edge opens no gateway session, so interactions must reach it at PUBLIC_URL/interactions',
    );
  }
  return problems;
}
