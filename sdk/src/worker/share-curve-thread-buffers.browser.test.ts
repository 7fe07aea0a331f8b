// The Worker wrapper the proving worker installs for snarkjs's curve threads, with real Chromium workers.
import { describe, expect, test } from 'vitest'
import { shareCurveThreadBuffers } from './share-curve-thread-buffers.js'

// Answers every message with what it received: the task buffers' bytes and whether they were shared.
const ECHO = `onmessage = (e) => postMessage(Array.isArray(e.data)
  ? e.data.map((t) => t && t.buff ? { bytes: Array.from(t.buff.subarray(0, 4)), length: t.buff.length, shared: t.buff.buffer instanceof SharedArrayBuffer } : t)
  : e.data)`
const echoUrl = URL.createObjectURL(new Blob([ECHO], { type: 'text/javascript' }))

function wrappedWorker(crossOriginIsolated: boolean) {
  const scope: { Worker?: typeof Worker; crossOriginIsolated?: boolean } = { Worker, crossOriginIsolated }
  const mode = shareCurveThreadBuffers(scope)
  const worker = new scope.Worker!(echoUrl)
  const roundTrip = (message: unknown, transfer?: Transferable[]) =>
    new Promise<any>((resolve) => {
      worker.onmessage = (event) => resolve(event.data)
      worker.postMessage(message, transfer as Transferable[])
    })
  return { mode, worker, roundTrip }
}

const bigBuffer = () => Uint8Array.from({ length: 256 * 1024 }, (_, i) => (i * 7) & 255)

describe('shareCurveThreadBuffers', () => {
  test('outside cross-origin isolation, large task buffers arrive as transferred copies and the original stays usable', async () => {
    const { mode, worker, roundTrip } = wrappedWorker(false)
    const buff = bigBuffer()
    const small = new Uint8Array([9, 8, 7])
    const received = await roundTrip([{ cmd: 'ALLOCSET', var: 0, buff }, { cmd: 'ALLOCSET', var: 1, buff: small }, { cmd: 'CALL' }])
    worker.terminate()
    expect(mode).toBe('transferred')
    expect(received).toEqual([{ bytes: [0, 7, 14, 21], length: buff.length, shared: false }, { bytes: [9, 8, 7], length: 3, shared: false }, { cmd: 'CALL' }])
    expect(buff.byteLength).toBe(256 * 1024) // not detached: ffjavascript posts the same view again
    expect(buff[1]).toBe(7)
  })

  test('posts that are not task arrays, or that already transfer, pass through unchanged', async () => {
    const { worker, roundTrip } = wrappedWorker(false)
    expect(await roundTrip({ hello: 'world' })).toEqual({ hello: 'world' })
    const buff = bigBuffer()
    const received = await roundTrip([{ buff }], [buff.buffer])
    worker.terminate()
    expect(received[0]).toMatchObject({ length: 256 * 1024, shared: false })
    expect(buff.byteLength).toBe(0) // the caller's own transfer happened as asked
  })

  // vitest.config.ts serves the browser tests with COOP + COEP, as the demo page is served.
  test('in a cross-origin isolated page, every task reuses one shared copy of a buffer', async () => {
    expect(self.crossOriginIsolated).toBe(true)
    const { mode, worker, roundTrip } = wrappedWorker(true)
    const buff = bigBuffer()
    const first = await roundTrip([{ cmd: 'ALLOCSET', var: 0, buff }])
    const second = await roundTrip([{ cmd: 'ALLOCSET', var: 0, buff }])
    worker.terminate()
    expect(mode).toBe('shared')
    expect(first).toEqual([{ bytes: [0, 7, 14, 21], length: buff.length, shared: true }])
    expect(second).toEqual(first)
  })
})
