import { spawnEngineThread, type EngineThread } from './spawn-engine-thread.js'
import type { MsmKind, MsmShare, ScalarSlot, ThreadReply } from './thread-protocol.js'

/** The main side of the helper thread: partial MSMs run there while this thread does its own share. */
export type EngineHelper = {
  /** Hands the slot's scalars over and starts the listed MSMs on the helper's shares; resolves to their Jacobian points. */
  run(slot: ScalarSlot, scalars: Uint8Array, kinds: MsmKind[]): Promise<{ points: Uint8Array; ms: number }>
  terminate(): Promise<void>
}

export type EngineHelperOptions = {
  shares: MsmShare[]
  slotSizes: Record<ScalarSlot, number>
  /**
   * Pass scalars through one SharedArrayBuffer (needs cross-origin isolation in browsers) instead of
   * a transferred copy per proof: no fresh large buffer per proof.
   */
  shared: boolean
}

export async function startEngineHelper({ shares, slotSizes, shared }: EngineHelperOptions): Promise<EngineHelper> {
  const thread: EngineThread = await spawnEngineThread()
  const pending = new Map<number, { resolve: (r: { points: Uint8Array; ms: number }) => void; reject: (e: Error) => void }>()
  let failure: Error | undefined
  let nextId = 1
  const onReady: (() => void)[] = []
  const fail = (error: Error) => {
    failure ??= error
    for (const p of pending.values()) p.reject(error)
    pending.clear()
  }
  let rejectStart: (error: Error) => void = () => {}
  const next = () =>
    new Promise<void>((resolve, reject) => {
      onReady.push(resolve)
      rejectStart = reject
    })
  thread.onFailure((error) => {
    fail(error)
    rejectStart(error)
  })
  // The first 'ready' means the thread listens (a message posted earlier would be lost), the second that it holds its bases.
  const started = next()
  thread.onReply((reply: ThreadReply) => {
    if (reply.cmd === 'ready') {
      onReady.shift()?.()
      return
    }
    const p = pending.get(reply.id)
    if (!p) return
    pending.delete(reply.id)
    if (reply.cmd === 'result') p.resolve({ points: reply.points, ms: reply.ms })
    else p.reject(new Error(`engine thread: ${reply.message}`))
  })
  const slotOffsets = { w: 0, h: slotSizes.w }
  const buffer = shared ? new SharedArrayBuffer(slotSizes.w + slotSizes.h) : undefined
  // The bases are copied once, into the helper's memory; this thread keeps only its own share.
  const copies = shares.map((s) => ({ ...s, bases: s.bases.slice() }))
  await started
  const initialised = next()
  thread.post(
    { cmd: 'init', shares: copies, shared: buffer, slotOffsets },
    copies.map((s) => s.bases.buffer as ArrayBuffer),
  )
  await initialised

  return {
    run(slot, scalars, kinds) {
      if (failure) return Promise.reject(failure)
      const id = nextId++
      const result = new Promise<{ points: Uint8Array; ms: number }>((resolve, reject) => pending.set(id, { resolve, reject }))
      if (buffer) {
        new Uint8Array(buffer, slotOffsets[slot], scalars.length).set(scalars)
        thread.post({ cmd: 'run', id, slot, length: scalars.length, kinds })
      } else {
        const copy = scalars.slice()
        thread.post({ cmd: 'run', id, slot, length: scalars.length, kinds, scalars: copy }, [copy.buffer])
      }
      return result
    },
    terminate: () => thread.terminate(),
  }
}
