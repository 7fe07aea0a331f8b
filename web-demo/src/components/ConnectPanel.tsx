import { useConnect, useConnection, useConnectors, useDisconnect, useChainId, useSwitchChain } from 'wagmi'
import { shortHex } from '../lib/format.js'

/** Wallet connection: the local anvil dev accounts (clearly marked) and any injected wallet. */
export function ConnectPanel({ expectedChainId }: { expectedChainId: number }) {
  const connection = useConnection()
  const connectors = useConnectors()
  const { connect, error, isPending } = useConnect()
  const { disconnect } = useDisconnect()
  const chainId = useChainId()
  const { switchChain } = useSwitchChain()
  const wrongNetwork = connection.isConnected && connection.chainId !== expectedChainId

  if (connection.isConnected && connection.address)
    return (
      <section className="card" data-testid="connect-panel">
        <h2>1. Wallet</h2>
        <p>
          Connected <code data-testid="connected-address">{connection.address}</code> with <strong>{connection.connector?.name}</strong>
        </p>
        {wrongNetwork && (
          <div className="error" role="alert" data-testid="wrong-network">
            Wrong network: your wallet is on chain {connection.chainId}, the verifier lives on chain {expectedChainId}.{' '}
            <button type="button" onClick={() => switchChain({ chainId: expectedChainId })}>
              Switch network
            </button>
          </div>
        )}
        <button type="button" className="secondary" onClick={() => disconnect()}>
          Disconnect
        </button>
      </section>
    )

  return (
    <section className="card" data-testid="connect-panel">
      <h2>1. Connect a wallet</h2>
      <p className="muted">Page chain: {chainId}.</p>
      <div className="row">
        {connectors.map((connector) => (
          <button
            type="button"
            key={connector.uid}
            disabled={isPending}
            onClick={() => connect({ connector, chainId: expectedChainId })}
            data-testid={`connect-${connector.id}`}
            className={connector.type === 'anvilDevAccount' ? 'local' : undefined}
          >
            {connector.name}
          </button>
        ))}
      </div>
      {connectors.some((c) => c.type === 'anvilDevAccount') && (
        <p className="muted">Anvil dev accounts are public test keys: local only, never on a real chain.</p>
      )}
      {error && (
        <p className="error" role="alert">
          {error.message.split('\n')[0]}
        </p>
      )}
      {connection.address && <p>{shortHex(connection.address)}</p>}
    </section>
  )
}
