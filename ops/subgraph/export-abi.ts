// Writes abis/ProofXVerifier.json from the SDK's ABI (sdk/src/chain/abi.ts, generated from the Foundry build).
//   node --conditions=@proofx/source --import tsx ops/subgraph/export-abi.ts
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { proofXVerifierAbi } from '@proofx/sdk'

export const abiJson = () => `${JSON.stringify(proofXVerifierAbi, null, 2)}\n`

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(fileURLToPath(new URL('./abis/ProofXVerifier.json', import.meta.url)), abiJson())
}
