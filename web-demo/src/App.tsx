import { useState } from 'react'
import { useConnection } from 'wagmi'
import { ConnectPanel } from './components/ConnectPanel.js'
import { CredentialPanel } from './components/CredentialPanel.js'
import { useCredentialStore, usePublishedPolicy } from '@proofx/sdk/react'
import { PolicyPicker } from './components/PolicyPicker.js'
import { ProveSubmitPanel } from './components/ProveSubmitPanel.js'
import { OperatorView } from './components/OperatorView.js'
import type { PreloadReturnType } from '@proofx/sdk'
import type { PageDeployment } from './config/load-deployment.js'
import { ProverStatus } from './components/ProverStatus.js'

/** The demo: a holder's flow on the left, the operator's view of the contract on the right. */
export function App({ deployment, modeLabel, preload }: { deployment: PageDeployment; modeLabel: string; preload: Promise<PreloadReturnType> }) {
  const connection = useConnection()
  const [credentialId, setCredentialId] = useState<string>()
  const stored = useCredentialStore().credentials.data?.credentials.find((c) => c.id === credentialId)
  const policyNames = Object.keys(deployment.policyDocuments ?? {})
  const [policyName, setPolicyName] = useState(policyNames[0] ?? '')
  const published = usePublishedPolicy({ document: deployment.policyDocuments?.[policyName], chainId: deployment.chainId, address: deployment.proxy })
  const wrongNetwork = connection.isConnected && connection.chainId !== deployment.chainId

  return (
    <>
      <header>
        <h1>ProofX demo</h1>
        <span className="chain">
          Prove compliance on your device; the contract checks a Groth16 proof, never your data. Chain {deployment.chainId} · verifier{' '}
          <code>{deployment.proxy}</code>
        </span>
        <span className="badge" data-testid="mode">
          {modeLabel}
        </span>
        <ProverStatus preload={preload} />
      </header>
      <main>
        <div className="column">
          <ConnectPanel expectedChainId={deployment.chainId} />
          <CredentialPanel
            subject={connection.address}
            selectedId={credentialId}
            onSelect={setCredentialId}
            chainId={deployment.chainId}
            verifier={deployment.proxy}
          />
          <PolicyPicker names={policyNames} value={policyName} onChange={setPolicyName} published={published.data} error={published.error} />
          <ProveSubmitPanel
            subject={connection.address}
            credential={stored?.credential}
            credentialId={stored?.id}
            policyName={policyName}
            policy={published.data?.policy}
            chainId={deployment.chainId}
            verifier={deployment.proxy}
            wrongNetwork={wrongNetwork}
          />
        </div>
        <div className="column">
          <OperatorView address={deployment.proxy} deployBlock={BigInt(deployment.deployBlock ?? 0)} />
        </div>
      </main>
    </>
  )
}
