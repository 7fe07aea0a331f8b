// Entry of the engine's helper thread (a Web Worker, or a worker thread in Node): it keeps its share
// every MSM's bases in its own engine memory and computes its part of each MSM's windows on request.
/// <reference types="node" />
import { importNodeModule, isNode } from '../artifacts/is-node.js'
import { importBases, instantiateEngine, warmUpEngine, type EngineExports } from './engine-module.js'
import type { MsmShare, ScalarSlot, ThreadReply, ThreadRequest } from './thread-protocol.js'

type Port = { post(reply: ThreadReply, transfer?: ArrayBuffer[]): void; listen(handler: (request: ThreadRequest) => void): void }

async function port(): Promise<Port> {
  if (isNode()) {
    const { parentPort } = await importNodeModule<typeof import('node:worker_threads')>('node:worker_threads')
    return { post: (reply, transfer) => parentPort!.postMessage(reply, transfer), listen: (handler) => parentPort!.on('message', handler) }
  }
  const scope = self as unknown as Worker
  return {
    post: (reply, transfer) => scope.postMessage(reply, transfer ?? []),
    listen: (handler) => scope.addEventListener('message', (event) => handler(event.data)),
  }
}

async function start() {
  const io = await port()
  const e: EngineExports = await instantiateEngine()
  let shares: (MsmShare & { ptr: number })[] = []
  let shared: SharedArrayBuffer | undefined
  let slotOffsets: Record<ScalarSlot, number> = { w: 0, h: 0 }
  let slots: Partial<Record<ScalarSlot, { ptr: number; capacity: number }>> = {}
  const mem = () => new Uint8Array(e.memory.buffer)

  io.listen((request) => {
    if (request.cmd === 'init') {
      shares = request.shares.map((share) => {
        const ptr = importBases(e, share.group, share.bases)
        return { ...share, bases: new Uint8Array(0), ptr }
      })
      const g1 = shares.find((s) => s.kind === 'H'),
        g2 = shares.find((s) => s.group === 2)
      warmUpEngine(e, g1?.ptr ?? 0, g1?.count ?? 0, g2?.ptr ?? 0, g2?.count ?? 0)
      shared = request.shared
      slotOffsets = request.slotOffsets
      slots = {}
      io.post({ cmd: 'ready' })
      return
    }
    const t0 = performance.now()
    try {
      // One buffer per slot, allocated on first use and reused by every later proof.
      let slot = slots[request.slot]
      if (!slot || slot.capacity < request.length) slot = slots[request.slot] = { ptr: e.alloc(request.length), capacity: request.length }
      const source = request.scalars ?? new Uint8Array(shared!, slotOffsets[request.slot], request.length)
      mem().set(source, slot.ptr)
      const sizes = request.kinds.map((kind) => (shares.find((s) => s.kind === kind)!.group === 1 ? 96 : 192))
      const mark = e.heap_mark()
      let offset = 0
      const results = e.alloc(sizes.reduce((a, b) => a + b, 0))
      for (const [i, kind] of request.kinds.entries()) {
        const share = shares.find((s) => s.kind === kind)!
        const fn = share.group === 1 ? e.g1_msm_part : e.g2_msm_part
        fn(results + offset, share.ptr, slot.ptr + share.scalarStart * 32, share.count, share.windowShare, 1)
        offset += sizes[i]!
      }
      const points = mem().slice(results, results + offset)
      e.heap_reset(mark)
      io.post({ cmd: 'result', id: request.id, points, ms: performance.now() - t0 }, [points.buffer])
    } catch (error) {
      io.post({ cmd: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) })
    }
  })
  io.post({ cmd: 'ready' })
}

start().catch((error) =>
  setTimeout(() => {
    throw error
  }),
)
