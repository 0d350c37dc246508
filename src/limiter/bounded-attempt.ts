// Runs one admitted attempt with a bound on its run time, so that a promise that never settles cannot hold a
// concurrency slot or a window entry forever. This replaces bottleneck as the runner of admitted calls: its local
// store yields to a timer on every step (LocalDatastore.yieldLoop → setTimeout(0), three or more per job), which
// cost ~5 ms per call (docs/decisions/0002, 0016), while admission had already bounded concurrency itself.
// Here the attempt starts in the caller's turn of the event loop and its one timer is only ever the deadline.

/** The attempt did not settle within its bound; the runner reports it as an InstagramTimeoutError. */
export class AttemptExpiredError extends Error {
  override readonly name = 'AttemptExpiredError';
  constructor(readonly timeoutMs: number) {
    super(`the attempt did not settle within ${timeoutMs} ms`);
  }
}

export function runBounded<T>(attempt: () => Promise<T>, timeoutMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new AttemptExpiredError(timeoutMs)), timeoutMs);
    const done = () => clearTimeout(timer);
    let running: Promise<T>;
    try {
      running = attempt();
    } catch (error) {
      done();
      return reject(error);
    }
    running.then(
      (value) => (done(), resolve(value)),
      (error: unknown) => (done(), reject(error)),
    );
  });
}
