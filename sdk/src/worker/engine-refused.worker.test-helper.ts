// The SDK's proving worker in a runtime that refuses ProofX engine's WebAssembly module, as one lacking a
// feature the module needs would (a CompileError), while every other module (snarkjs's curve, circom's
// witness calculator) compiles as usual. Then the real worker entry loads.
const compile = WebAssembly.compile.bind(WebAssembly)
WebAssembly.compile = async (bytes: BufferSource) => {
  const module = await compile(bytes)
  if (WebAssembly.Module.exports(module).some((e) => e.name === 'g16_abc'))
    throw new WebAssembly.CompileError('this runtime refuses the module (test: the engine is unavailable)')
  return module
}
await import('./prover.worker.js')
