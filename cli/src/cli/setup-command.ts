import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { PUBLIC_SIGNAL_NAMES } from '@proofx/sdk'
import { complianceSampleInput } from '@proofx/sdk/demo'
import { runSetup } from '../setup/run-setup.js'

/**
 * proofx setup: compile, phase 1 (or --ptau), phase 2 with named contributions and a beacon,
 * verify, export the verification key and Groth16Verifier.sol, write the manifest.
 */
export async function setupCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      root: { type: 'string', default: process.cwd() },
      circuit: { type: 'string', default: 'circuits/compliance.circom' },
      artifacts: { type: 'string', default: 'circuits/artifacts' },
      ceremony: { type: 'string', default: 'circuits/ceremony' },
      verifier: { type: 'string', default: 'contracts/src/Groth16Verifier_v2.sol' },
      'verifier-contract': { type: 'string', default: 'Groth16Verifier_v2' },
      power: { type: 'string', default: '13' },
      'phase1-contributors': { type: 'string', default: 'alice,bob,carol' },
      'phase2-contributors': { type: 'string', default: 'alice,bob,carol' },
      beacon: { type: 'string', default: '0x8a1f3e9b2c6d4a7e5f0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5' },
      'beacon-iterations': { type: 'string', default: '10' },
      ptau: { type: 'string' },
      'signal-names': { type: 'string', default: PUBLIC_SIGNAL_NAMES.join(',') },
      version: { type: 'string', default: '2' },
      'skip-measure': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
  })
  const root = resolve(values.root)
  const at = (p: string) => resolve(root, p)
  const log = (...a: unknown[]) => {
    if (!values.quiet) console.error(...a)
  }
  const logger = { info: log, debug: () => {}, warn: log, error: log }
  const manifest = await runSetup({
    root,
    circuit: values.circuit,
    artifactsDir: at(values.artifacts),
    ceremonyDir: at(values.ceremony),
    verifierOut: at(values.verifier),
    verifierContract: values['verifier-contract'],
    power: Number(values.power),
    phase1Contributors: values['phase1-contributors'].split(',').filter(Boolean),
    phase2Contributors: values['phase2-contributors'].split(',').filter(Boolean),
    beacon: { hash: values.beacon.replace(/^0x/, ''), iterationsExp: Number(values['beacon-iterations']) },
    externalPtau: values.ptau ? at(values.ptau) : undefined,
    publicSignals: values['signal-names'].split(','),
    version: values.version,
    // Time one proof of the compliance circuit for the manifest (other circuits have no sample input).
    sampleInput: values.circuit.endsWith('compliance.circom') && !values['skip-measure'] ? complianceSampleInput() : undefined,
    logger,
  })
  console.log(
    JSON.stringify(
      { constraints: manifest.constraints, domainSize: manifest.domainSize, zkey: manifest.files.zkey, provingTimeMs: manifest.provingTimeMs },
      null,
      2,
    ),
  )
}
