// "Nothing is acknowledged that was not recorded" (docs/decisions/0004) as a helper for webhook routes: runs the
// durable record with a deadline, and turns a failure or a timeout into 503 so the sender delivers again. At the
// deadline the work's signal is aborted, so it stops writing for an answer already given.
import type { Logger } from '../log.js';
import { HttpError } from './http-response.js';

export async function recordWithin<T>(
  work: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
  log: Logger,
  what: Record<string, unknown>,
): Promise<T> {
  const giveUp = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const reason = new Error(`recording took longer than ${timeoutMs} ms`);
      giveUp.abort(reason);
      reject(reason);
    }, timeoutMs);
  });
  try {
    return await Promise.race([work(giveUp.signal), timeout]);
  } catch (err) {
    log.error({ err, ...what }, 'notification not recorded; answering 503');
    throw new HttpError(503, 'not_recorded', 'the notification could not be recorded; send it again');
  } finally {
    clearTimeout(timer);
  }
}
