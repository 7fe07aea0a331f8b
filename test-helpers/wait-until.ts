/**
 * Polls `condition` until it holds and fails with an error naming `what` once `timeoutMs` has passed (the last
 * error the condition threw is its cause): a wait in a test either sees its condition or fails, never just sleeps.
 */
export async function waitUntil(
  what: string,
  condition: () => boolean | Promise<boolean>,
  { timeoutMs = 30_000, intervalMs = 100 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<void> {
  const deadline = performance.now() + timeoutMs
  let lastError: unknown
  for (;;) {
    try {
      if (await condition()) return
    } catch (error) {
      lastError = error
    }
    if (performance.now() >= deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`, { cause: lastError })
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}

/** Waits until a ProofX prover service at `url` answers 200 on /readyz (its workers have loaded the artifacts). */
export function waitUntilReady(url: string, { timeoutMs = 60_000 }: { timeoutMs?: number } = {}): Promise<void> {
  return waitUntil(`${url}/readyz to answer 200`, async () => (await fetch(`${url}/readyz`)).ok, { timeoutMs })
}
