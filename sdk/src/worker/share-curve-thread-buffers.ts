// snarkjs's BN254 curve (ffjavascript) splits every multi-exponentiation into ~29 tasks and posts each
// one to its threads with the same ~1 MB buffers of points and scalars. postMessage copies them every
// time, and in Chromium every fresh large ArrayBuffer costs page faults (8 ms per 1.3 MB measured on the
// bench machine): ~170 such posts per proof made browser proofs twice as slow as Node's, while the
// curve's threads brought no speed-up at all. See BENCHMARKS.md.

/** Buffers below this size are cheap to clone and are left alone. */
const MIN_SHARED_BYTES = 64 * 1024
const INSTALLED = Symbol.for('proofx.curveThreadBufferSharing')

type WorkerScope = {
  Worker?: typeof Worker
  crossOriginIsolated?: boolean
}

type ThreadTask = { buff?: unknown }

export type CurveThreadBufferMode = 'shared' | 'transferred'

/**
 * Replaces `Worker` in this worker's own global scope (the curve threads are the only workers it starts)
 * with one that hands large task buffers to the threads without a structured-clone copy:
 * - `shared`: when the page is cross-origin isolated (COOP + COEP headers), each buffer is copied once
 *   into a SharedArrayBuffer that every task reuses;
 * - `transferred`: otherwise each task gets a copy that is transferred, which halves the copying.
 * The threads only read these buffers (they copy them into WebAssembly memory), so sharing is safe.
 * Returns the mode, or undefined where there is no Worker to wrap.
 */
export function shareCurveThreadBuffers(scope: WorkerScope = globalThis as WorkerScope): CurveThreadBufferMode | undefined {
  const NativeWorker = scope.Worker
  if (!NativeWorker) return undefined
  const mode: CurveThreadBufferMode = scope.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function' ? 'shared' : 'transferred'
  if ((NativeWorker as unknown as Record<symbol, unknown>)[INSTALLED]) return mode

  // Keyed by the task's own view: ffjavascript slices a fresh chunk per multi-exponentiation and posts
  // that same, unchanged view with every bit-window task of it.
  const sharedCopies = new WeakMap<Uint8Array, Uint8Array>()
  const sharedCopyOf = (view: Uint8Array) => {
    let copy = sharedCopies.get(view)
    if (!copy) {
      copy = new Uint8Array(new SharedArrayBuffer(view.byteLength))
      copy.set(view)
      sharedCopies.set(view, copy)
    }
    return copy
  }

  class CurveThreadWorker extends NativeWorker {
    static readonly [INSTALLED] = true

    override postMessage(message: unknown, options?: Transferable[] | StructuredSerializeOptions): void {
      // ffjavascript posts arrays of tasks; anything else (or a post that already transfers) passes through.
      if (!Array.isArray(message) || options !== undefined) {
        super.postMessage(message, options as Transferable[])
        return
      }
      const transfer: Transferable[] = []
      const tasks = message.map((task: ThreadTask) => {
        const buff = task?.buff
        if (!(buff instanceof Uint8Array) || buff.byteLength < MIN_SHARED_BYTES) return task
        if (mode === 'shared') return { ...task, buff: sharedCopyOf(buff) }
        const copy = buff.slice()
        transfer.push(copy.buffer)
        return { ...task, buff: copy }
      })
      super.postMessage(tasks, transfer)
    }
  }
  scope.Worker = CurveThreadWorker
  return mode
}
