import type { ProofXDeployment } from '@proofx/sdk'

/** What an operator does after `proofx deploy`, with the deployment's own values filled in. */
export function deployNextSteps(deployment: ProofXDeployment, file: string | undefined): string[] {
  const deploymentOption = file ? `--deployment ${file}` : `--contract ${deployment.proxy}`
  return [
    `ProofX is deployed on chain ${deployment.chainId}: proxy ${deployment.proxy}${file ? `, written to ${file}` : ''}.`,
    'Next steps:',
    `  1. Check it: proofx keys audit ${deploymentOption} --rpc <url>   (role holders and signer keys)`,
    `  2. Ship the deployment file with your dApp: registerDeployment(deployment) or createProofX({ chainId: ${deployment.chainId}, deployment }).`,
    '  3. Publish the policy documents it lists (policyDocuments), so wallets prove against the rules the contract registered.',
    `  4. Watch it: proofx monitor ${deploymentOption} --rpc <url>   (alerts on pauses, role and issuer changes)`,
    `  5. Incidents and upgrades: proofx admin <operation> ${deploymentOption} --keystore <file>   (docs/operations.md)`,
  ]
}
