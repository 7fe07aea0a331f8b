// `@proofx/sdk/engine`: ProofX's WebAssembly Groth16 engine. The prover (createGroth16Engine) is also
// exported from `@proofx/sdk`; the lower layers below (the module's exports, resident bases, the
// helper thread, each MSM's inputs) are what benchmarks and tools drive directly.
export { createGroth16Engine, type EngineTimings, type Groth16Engine, type Groth16EngineOptions } from './groth16-engine.js'
export { readZkey, type Zkey } from './read-zkey.js'
export { readWitness } from './read-witness.js'
export { msmInputs, type MsmInput } from './msm-inputs.js'
export { MSM_KINDS, type MsmKind, type MsmShare, type ScalarSlot } from './thread-protocol.js'
export { importBases, instantiateEngine, warmUpEngine, type EngineExports } from './engine-module.js'
export { startEngineHelper, type EngineHelper, type EngineHelperOptions } from './engine-helper.js'
