export { createGroth16Engine, type EngineTimings, type Groth16Engine } from './groth16-engine.js'
export { readZkey, type Zkey } from './read-zkey.js'
export { readWitness } from './read-witness.js'
