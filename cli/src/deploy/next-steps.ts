import type { ProofXDeployment } from '@proofx/sdk'
import type { GovernanceDeployment } from '../admin/deploy-governance.js'

/** What an operator does after `proofx deploy`, with the deployment's own values filled in. */
export function deployNextSteps(deployment: ProofXDeployment, file: string | undefined, governance?: GovernanceDeployment | undefined): string[] {
  const deploymentOption = file ? `--deployment ${file}` : `--contract ${deployment.proxy}`
  const common = [
    `ProofX is deployed on chain ${deployment.chainId}: proxy ${deployment.proxy}${file ? `, written to ${file}` : ''}.`,
    'Next steps:',
    `  1. Check it: proofx keys audit ${deploymentOption} --rpc <url>   (role holders${governance ? ', Safe owners and threshold, timelock delay' : ''} and signer keys)`,
    `  2. Ship the deployment file with your dApp: registerDeployment(deployment) or createProofX({ chainId: ${deployment.chainId}, deployment }).`,
    '  3. Publish the policy documents it lists (policyDocuments), so wallets prove against the rules the contract registered.',
    `  4. Watch it: proofx monitor ${deploymentOption} --rpc <url>   (alerts on pauses, role and issuer changes${governance ? ', Safe owner changes and scheduled upgrades' : ''})`,
  ]
  if (!governance) return [...common, `  5. Incidents and upgrades: proofx admin <operation> ${deploymentOption} --keystore <file>   (docs/operations.md)`]
  return [
    `Governance: Safe ${governance.safe} (${governance.threshold} of ${governance.owners.length} owners) holds DEFAULT_ADMIN_ROLE; timelock ${governance.timelock} (${governance.timelockDelay} s delay) holds UPGRADER_ROLE; guardian ${governance.guardian} holds PAUSER_ROLE; the deployer holds none.`,
    ...common,
    `  5. Admin changes: proofx admin <operation> ${deploymentOption} --propose proposal.json; each owner, offline: proofx admin sign --proposal proposal.json --keystore <owner.json> --out <owner>.sig.json; then proofx admin execute ${deploymentOption} --proposal proposal.json --signatures <a>.sig.json,<b>.sig.json`,
    `  6. Upgrades and verifier swaps: the same, which schedules them; after ${governance.timelockDelay} s: proofx admin execute-scheduled ${deploymentOption} --proposal proposal.json --propose execute.json, signed and executed the same way`,
    `  7. Incidents: the guardian alone, at once: proofx admin pause ${deploymentOption} --keystore <guardian.json> (and close-gates); unpausing and reopening are Safe proposals (docs/operations.md)`,
  ]
}
