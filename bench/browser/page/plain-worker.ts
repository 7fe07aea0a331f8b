// A bare Web Worker running plain snarkjs (the comparison for the SDK's worker): artifacts arrive once as
// bytes, then each message is one fullProve timed inside the worker.
import * as snarkjs from 'snarkjs'

let wasm: Uint8Array | undefined
let zkey: Uint8Array | undefined

self.onmessage = async (event: MessageEvent) => {
  const message = event.data as { type: 'artifacts'; wasm: Uint8Array; zkey: Uint8Array } | { type: 'prove'; input: Record<string, unknown> }
  try {
    if (message.type === 'artifacts') {
      ;({ wasm, zkey } = message)
      self.postMessage({ ok: true })
      return
    }
    const started = performance.now()
    const { publicSignals } = await snarkjs.groth16.fullProve(message.input, wasm!, zkey!)
    self.postMessage({ ok: true, ms: performance.now() - started, publicSignals })
  } catch (error) {
    self.postMessage({ ok: false, error: String((error as Error)?.stack ?? error) })
  }
}
