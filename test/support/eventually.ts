// Waiting for a condition instead of a deadline: tests re-check what they expect until it holds. The bound only
// stops a hang; it is generous because the machine the suite runs on is shared and often busy, and a test that
// waits for its event loses nothing by a long bound when the event comes early.

/** How long a test waits for something that should happen, before calling it a hang. */
export const WAIT_MS = 60_000;

/** Re-checks `probe` every 25 ms until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  what: string,
  timeoutMs = WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
