// Generates sdk/src/chain/abi.ts from the Foundry artifacts in out/: `npx forge build && npx wagmi generate`.
// sdk/src/chain/abi.test.ts regenerates it from a fresh build into a temp dir (PROOFX_ABI_ARTIFACTS, PROOFX_ABI_OUT)
// and fails when the committed file differs.
import { relative } from 'node:path'
import { defineConfig } from '@wagmi/cli'
import { foundry } from '@wagmi/cli/plugins'

export default defineConfig({
  out: process.env.PROOFX_ABI_OUT ?? 'sdk/src/chain/abi.ts',
  plugins: [
    foundry({
      project: '.',
      // The plugin joins this to the project root, so an absolute directory is made relative.
      artifacts: process.env.PROOFX_ABI_ARTIFACTS && relative(process.cwd(), process.env.PROOFX_ABI_ARTIFACTS),
      // Built separately (forge build); the plugin only reads out/.
      forge: { build: false, rebuild: false },
      include: [
        'ProofXVerifier.sol/ProofXVerifier.json',
        'Groth16Verifier.sol/Groth16Verifier.json',
        'Groth16BatchVerifier.sol/Groth16BatchVerifier.json',
        'ComplianceGatedVault.sol/ComplianceGatedVault.json',
      ],
    }),
  ],
})
