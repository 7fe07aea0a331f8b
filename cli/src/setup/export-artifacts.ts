import { readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import * as snarkjs from 'snarkjs'

// snarkjs's exports map hides templates/: find it next to the resolved entry point (build/main.cjs).
const require = createRequire(import.meta.url)

/** verification_key.json as the setup writes it, byte for byte. */
export async function renderVerificationKey(zkey: string, logger?: snarkjs.Logger): Promise<string> {
  const vkey = await snarkjs.zKey.exportVerificationKey(zkey, logger)
  return `${JSON.stringify(vkey, null, 1)}\n`
}

/** The contract name snarkjs's template gives the verifier. */
export const DEFAULT_VERIFIER_CONTRACT = 'Groth16Verifier'

/**
 * The snarkjs Groth16 Solidity verifier for a zkey, as the setup writes it. `contractName` renames the contract
 * (e.g. Groth16Verifier_v2), so two circuit versions' verifiers can live in one Foundry project.
 */
export async function renderSolidityVerifier(zkey: string, logger?: snarkjs.Logger, contractName = DEFAULT_VERIFIER_CONTRACT): Promise<string> {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(contractName)) throw new RangeError(`contractName must be a Solidity identifier, got "${contractName}"`)
  const template = await readFile(join(dirname(require.resolve('snarkjs')), '..', 'templates', 'verifier_groth16.sol.ejs'), 'utf8')
  const rendered = await snarkjs.zKey.exportSolidityVerifier(zkey, { groth16: template }, logger)
  return rendered.replace(`contract ${DEFAULT_VERIFIER_CONTRACT} {`, `contract ${contractName} {`)
}

/** Writes verification_key.json and the snarkjs Groth16 Solidity verifier for a final zkey. */
export async function exportArtifacts({
  zkey,
  vkeyOut,
  verifierOut,
  verifierContract,
  logger,
}: {
  zkey: string
  vkeyOut: string
  verifierOut: string
  verifierContract?: string
  logger?: snarkjs.Logger
}): Promise<void> {
  await writeFile(vkeyOut, await renderVerificationKey(zkey, logger))
  await writeFile(verifierOut, await renderSolidityVerifier(zkey, logger, verifierContract))
}
