import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PROOFX_CONTRACT_NAMES, PROOFX_FOUNDRY_CONTRACTS, type FoundryArtifact, type ProofXContractArtifacts } from '@proofx/sdk/deploy'
import { InvalidDeployInputError } from './deploy-errors.js'

/** Where a Foundry build keeps a contract's artifact. */
export const foundryArtifactPath = (outDir: string, name: string) => join(outDir, `${name}.sol`, `${name}.json`)

/**
 * The ProofX contracts from a Foundry build directory (`forge build` writes out/), read at once so a later build
 * cannot swap them mid-deployment. `batchVerifier: false` leaves Groth16BatchVerifier out (no submitProofs).
 * The Groth16 verifier is circuit v2's (Groth16Verifier_v2) unless `groth16Verifier` names another contract
 * (GROTH16_VERIFIER_CONTRACTS[1] for a deployment still on circuit v1).
 */
export function readProofXArtifacts(
  outDir: string,
  { batchVerifier = true, groth16Verifier = PROOFX_FOUNDRY_CONTRACTS.Groth16Verifier }: { batchVerifier?: boolean; groth16Verifier?: string } = {},
): ProofXContractArtifacts {
  const contracts: Record<string, string> = { ...PROOFX_FOUNDRY_CONTRACTS, Groth16Verifier: groth16Verifier }
  const read = (name: string): FoundryArtifact => {
    const path = foundryArtifactPath(outDir, name)
    if (!existsSync(path))
      throw new InvalidDeployInputError({
        field: name,
        rule: `has no build artifact (${path})`,
        hint: 'Build the contracts first (npx forge build), or point --forge-out at the build directory.',
      })
    try {
      const { abi, bytecode } = JSON.parse(readFileSync(path, 'utf8')) as FoundryArtifact
      return { abi, bytecode: { object: bytecode.object } }
    } catch (cause) {
      throw new InvalidDeployInputError({ field: name, rule: `artifact is not a Foundry artifact (${path})`, cause })
    }
  }
  const names = PROOFX_CONTRACT_NAMES.filter((name) => batchVerifier || name !== 'Groth16BatchVerifier')
  return Object.fromEntries(names.map((name) => [name, read(contracts[name]!)])) as ProofXContractArtifacts
}
