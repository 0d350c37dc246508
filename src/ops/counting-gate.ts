// A CallGate around the limiter that counts every Instagram call: outcome by priority, duration, the time it
// waited before its first attempt, and the attempts Instagram answered 429. It only observes; admission, retries
// and budgets stay the limiter's. The composition root hands this gate to the Instagram client.
import type { CallDescription, CallGate, RateLimitHeaders } from '../limiter/call-gate.js';
import { InstagramRateLimitError } from '../core/instagram-errors.js';
import type { IgcordMetrics } from './igcord-metrics.js';

/** The label for a failed call: the error's class name (a small, fixed set), never its message. */
export function outcomeOf(error: unknown): string {
  if (error instanceof Error && /^[A-Za-z]{1,64}$/.test(error.name)) return error.name;
  return 'unknown';
}

export function countingGate(gate: CallGate, metrics: IgcordMetrics): CallGate {
  return {
    async run<T extends { rateLimit: RateLimitHeaders }>(call: CallDescription, attempt: () => Promise<T>): Promise<T> {
      const priority = call.priority;
      const asked = performance.now();
      let firstAttempt = true;
      const observed = async (): Promise<T> => {
        if (firstAttempt) {
          firstAttempt = false;
          metrics.limiterWaitSeconds.observe({ priority }, (performance.now() - asked) / 1000);
        }
        try {
          return await attempt();
        } catch (error) {
          if (error instanceof InstagramRateLimitError) metrics.instagram429.inc({ priority });
          throw error;
        }
      };
      try {
        const result = await gate.run(call, observed);
        metrics.instagramCalls.inc({ priority, outcome: 'ok' });
        return result;
      } catch (error) {
        metrics.instagramCalls.inc({ priority, outcome: outcomeOf(error) });
        throw error;
      } finally {
        metrics.instagramCallSeconds.observe({ priority }, (performance.now() - asked) / 1000);
      }
    },
  };
}
