/** Polls `condition` every `intervalMs` until it holds; throws, naming `what`, once `timeoutMs` have passed. */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  { what, timeoutMs = 120_000, intervalMs = 100 }: { what: string; timeoutMs?: number; intervalMs?: number },
) {
  const deadline = performance.now() + timeoutMs
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, intervalMs))
  }
}
