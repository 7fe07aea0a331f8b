import { importNodeModule, isNode } from '../artifacts/is-node.js'

/**
 * The engine's thread count when the caller does not choose: 2 (a helper thread takes part of every MSM)
 * where memory can be shared with it (Node, cross-origin isolated pages) and there are at least 2 cores;
 * 1 elsewhere, where each proof would copy its scalars to the helper. 2 threads prove 1.55x faster than 1
 * on this 2-core machine (BENCHMARKS.md).
 */
export async function defaultEngineThreads(): Promise<1 | 2> {
  if (!sharedMemoryUsable()) return 1
  return (await availableCores()) >= 2 ? 2 : 1
}

/** SharedArrayBuffer exists and, in a browser, the page is cross-origin isolated (Node reports no isolation flag). */
export function sharedMemoryUsable(): boolean {
  if (typeof SharedArrayBuffer === 'undefined') return false
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated
  return isolated !== false
}

async function availableCores(): Promise<number> {
  const reported = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency
  if (reported) return reported
  if (!isNode()) return 1
  const os = await importNodeModule<typeof import('node:os')>('node:os')
  return os.availableParallelism()
}
