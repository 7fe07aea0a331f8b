// Generates sdk/src/chain/abi.ts from the Foundry artifacts in out/: `npx forge build && npx wagmi generate`.
import { defineConfig } from '@wagmi/cli'
import { foundry } from '@wagmi/cli/plugins'

export default defineConfig({
  out: 'sdk/src/chain/abi.ts',
  plugins: [
    foundry({
      project: '.',
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
