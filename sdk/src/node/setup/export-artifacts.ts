import { readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import * as snarkjs from 'snarkjs'

const require = createRequire(import.meta.url)

/** Writes verification_key.json and the snarkjs Groth16 Solidity verifier for a final zkey. */
export async function exportArtifacts({ zkey, vkeyOut, verifierOut, logger }: { zkey: string; vkeyOut: string; verifierOut: string; logger?: snarkjs.Logger }): Promise<void> {
  const vkey = await snarkjs.zKey.exportVerificationKey(zkey, logger)
  await writeFile(vkeyOut, `${JSON.stringify(vkey, null, 1)}\n`)
  const template = await readFile(require.resolve('snarkjs/templates/verifier_groth16.sol.ejs'), 'utf8')
  const solidity = await snarkjs.zKey.exportSolidityVerifier(zkey, { groth16: template }, logger)
  await writeFile(verifierOut, solidity)
}
