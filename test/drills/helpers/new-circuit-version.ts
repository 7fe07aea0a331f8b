import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import * as snarkjs from 'snarkjs'
import type { Hex } from 'viem'
import type { VerificationKey } from '@proofx/sdk'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const require = createRequire(import.meta.url)

export type CircuitVersion = { zkeyPath: string; wasmPath: string; vkeyPath: string; verifierArtifactPath: string; vkey: VerificationKey }

/**
 * Playbook B "Remediate", shrunk for a drill: a new phase-2 contribution on the committed zkey gives new
 * proving/verification keys (the circuit itself is unchanged), snarkjs writes Groth16Verifier v2, and npm
 * solc compiles it into a Foundry-style artifact for `proofx admin set-verifier --verifier-artifact`.
 */
export async function newCircuitVersion(dir: string): Promise<CircuitVersion> {
  const zkeyPath = `${dir}/compliance_v2.zkey`
  await snarkjs.zKey.contribute(`${root}circuits/artifacts/compliance.zkey`, zkeyPath, 'drill: circuit v2', randomBytes(32).toString('hex'))
  const vkey = (await snarkjs.zKey.exportVerificationKey(zkeyPath)) as VerificationKey
  const vkeyPath = `${dir}/verification_key_v2.json`
  writeFileSync(vkeyPath, JSON.stringify(vkey))
  const template = readFileSync(join(dirname(require.resolve('snarkjs')), '../templates/verifier_groth16.sol.ejs'), 'utf8')
  const source = await snarkjs.zKey.exportSolidityVerifier(zkeyPath, { groth16: template })
  const solc = require('solc')
  const output = JSON.parse(
    solc.compile(
      JSON.stringify({
        language: 'Solidity',
        sources: { 'Groth16VerifierV2.sol': { content: source } },
        settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: 'cancun', outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } } },
      }),
    ),
  )
  const errors = (output.errors ?? []).filter((e: { severity: string }) => e.severity === 'error')
  if (errors.length) throw new Error(errors.map((e: { formattedMessage: string }) => e.formattedMessage).join('\n'))
  const contract = output.contracts['Groth16VerifierV2.sol'].Groth16Verifier
  const verifierArtifactPath = `${dir}/Groth16VerifierV2.json`
  writeFileSync(verifierArtifactPath, JSON.stringify({ abi: contract.abi, bytecode: { object: `0x${contract.evm.bytecode.object}` as Hex } }))
  return { zkeyPath, wasmPath: `${root}circuits/artifacts/compliance.wasm`, vkeyPath, verifierArtifactPath, vkey }
}
