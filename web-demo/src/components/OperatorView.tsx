import { closeGates, grantSigner, openGates, pause, proofXRoles, proofXVerifierAbi, revokeSigner, unpause, type WriteVerifierOptions } from '@proofx/sdk'
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useBlockNumber, useConnection, usePublicClient, useReadContracts, useConfig } from 'wagmi'
import { getConnectorClient } from 'wagmi/actions'
import { isAddress, zeroAddress, type Account, type Address, type Chain, type Client, type Transport } from 'viem'
import { ErrorNotice } from './ErrorNotice.js'
import { shortHex } from '../lib/format.js'

const { DEFAULT_ADMIN_ROLE, PAUSER_ROLE } = proofXRoles
const ROLE_NAMES: Record<string, string> = Object.fromEntries(Object.entries(proofXRoles).map(([name, hash]) => [hash, name]))
const WATCHED_EVENTS = [
  'ProofVerified',
  'RoleGranted',
  'RoleRevoked',
  'Paused',
  'Unpaused',
  'GatesClosed',
  'GatesOpened',
  'PolicySet',
  'IssuerAdded',
  'IssuerRemoved',
  'CredentialRevoked',
  'VerifierUpdated',
] as const

type WalletClient = Client<Transport, Chain | undefined, Account | undefined>
/** One of the SDK's admin actions (sdk/src/actions): it simulates, sends, waits, and throws the SDK's typed error. */
type AdminAction = (client: WalletClient, options: WriteVerifierOptions) => Promise<unknown>

/**
 * The operator's view: contract state, recent events, and the admin actions the connected account's roles allow
 * (ProofXVerifier: PAUSER_ROLE pauses and closes the gates; undoing either, and managing signers, is DEFAULT_ADMIN_ROLE's).
 */
export function OperatorView({ address, deployBlock }: { address: Address; deployBlock: bigint }) {
  const connection = useConnection()
  const wagmiConfig = useConfig()
  const client = usePublicClient()
  const { data: blockNumber } = useBlockNumber({ watch: true })
  const account = connection.address
  const contract = { address, abi: proofXVerifierAbi } as const
  const state = useReadContracts({
    contracts: [
      { ...contract, functionName: 'paused' },
      { ...contract, functionName: 'gatesClosed' },
      { ...contract, functionName: 'vkeyHash' },
      { ...contract, functionName: 'maxProofAge' },
      { ...contract, functionName: 'getPolicy', args: [1n] },
      { ...contract, functionName: 'getPolicy', args: [2n] },
      { ...contract, functionName: 'hasRole', args: [DEFAULT_ADMIN_ROLE, account ?? zeroAddress] },
      { ...contract, functionName: 'hasRole', args: [PAUSER_ROLE, account ?? zeroAddress] },
    ],
    query: { refetchInterval: 1_000 },
  })
  const [paused, gatesClosed, vkeyHash, maxProofAge, accredited, retail, isAdmin, isPauser] = state.data?.map((r) => r.result) ?? []

  const events = useQuery({
    queryKey: ['proofx-demo', 'events', address],
    refetchInterval: 1_500,
    enabled: !!client,
    queryFn: async () => {
      const logs = await client!.getContractEvents({ address, abi: proofXVerifierAbi, fromBlock: deployBlock, toBlock: 'latest' })
      return logs
        .filter((log) => (WATCHED_EVENTS as readonly string[]).includes(log.eventName ?? ''))
        .reverse()
        .slice(0, 30)
    },
  })

  const [pending, setPending] = useState<string>()
  const [actionError, setActionError] = useState<unknown>()
  const [signer, setSigner] = useState('')
  const run = async (label: string, action: AdminAction) => {
    setActionError(undefined)
    setPending(label)
    try {
      const wallet = await getConnectorClient(wagmiConfig, { chainId: connection.chainId })
      // Receipts polled at the page's pace (a connector client's default is viem's 4 s).
      await action(wallet, { address, pollingInterval: wagmiConfig.getClient({ chainId: wallet.chain.id }).pollingInterval })
      await state.refetch()
    } catch (error) {
      // Already the SDK's typed error (e.g. MissingRoleError naming the role).
      setActionError(error)
    } finally {
      setPending(undefined)
    }
  }
  const button = (testId: string, label: string, action: AdminAction, options: { secondary?: boolean; disabled?: boolean } = {}) => (
    <button
      type="button"
      className={options.secondary ? 'secondary' : undefined}
      disabled={!!pending || options.disabled}
      onClick={() => run(testId, action)}
      data-testid={testId}
    >
      {label}
    </button>
  )

  return (
    <section className="card" data-testid="operator-view">
      <h2>Operator view</h2>
      <table>
        <tbody>
          <tr>
            <th>Verifier proxy</th>
            <td>
              <code>{address}</code>
            </td>
          </tr>
          <tr>
            <th>Status</th>
            <td data-testid="contract-status">
              {paused === undefined ? '…' : paused ? <strong style={{ color: '#b42318' }}>Paused</strong> : 'Accepting proofs'}
            </td>
          </tr>
          <tr>
            <th>Gates</th>
            <td data-testid="gates-status">{gatesClosed === undefined ? '…' : gatesClosed ? <strong style={{ color: '#b42318' }}>Closed</strong> : 'Open'}</td>
          </tr>
          <tr>
            <th>Verification key hash</th>
            <td>
              <code>{vkeyHash ? shortHex(vkeyHash as string, 10) : '…'}</code>
            </td>
          </tr>
          <tr>
            <th>Max proof age</th>
            <td>{maxProofAge !== undefined ? `${maxProofAge} s` : '…'}</td>
          </tr>
          <tr>
            <th>Policies</th>
            <td>
              {[accredited, retail].map((p, i) =>
                p ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a fixed two-entry list (policies #1 and #2), never reordered
                  <div key={i}>
                    #{i + 1}: {(p as { active: boolean }).active ? 'active' : 'inactive'}, valid {(p as { validityPeriod: number }).validityPeriod} s
                  </div>
                ) : null,
              )}
            </td>
          </tr>
          <tr>
            <th>Block</th>
            <td>{blockNumber?.toString() ?? '…'}</td>
          </tr>
          <tr>
            <th>You</th>
            <td>{account ? `${shortHex(account)}${isAdmin ? ' · admin' : ''}${isPauser ? ' · pauser' : ''}` : 'not connected'}</td>
          </tr>
        </tbody>
      </table>

      {(isAdmin || isPauser) && (
        <div style={{ marginTop: 10 }}>
          <div className="row">
            {paused ? isAdmin && button('unpause', 'Unpause', unpause) : isPauser && button('pause', 'Pause submissions', pause)}
            {gatesClosed
              ? isAdmin && button('open-gates', 'Open the gates', openGates, { secondary: true })
              : isPauser && button('close-gates', 'Close the gates', closeGates, { secondary: true })}
          </div>
          {paused && !isAdmin && <p className="muted">Unpausing needs DEFAULT_ADMIN_ROLE.</p>}
          {gatesClosed && !isAdmin && <p className="muted">Opening the gates needs DEFAULT_ADMIN_ROLE.</p>}
          {isAdmin && (
            <div className="row" style={{ marginTop: 8 }}>
              <input
                value={signer}
                onChange={(e) => setSigner(e.target.value.trim())}
                placeholder="0x… signer address"
                size={44}
                aria-label="Signer address"
                data-testid="signer-input"
              />
              {button('grant-signer', 'Grant signer', (wallet, options) => grantSigner(wallet, { ...options, signer: signer as Address }), {
                disabled: !isAddress(signer),
              })}
              {button('revoke-signer', 'Revoke signer', (wallet, options) => revokeSigner(wallet, { ...options, signer: signer as Address }), {
                secondary: true,
                disabled: !isAddress(signer),
              })}
            </div>
          )}
          {pending && <p className="muted">Sending {pending}…</p>}
          <ErrorNotice error={actionError} testId="operator-error" />
        </div>
      )}
      {!isAdmin && !isPauser && (
        <p className="muted" data-testid="operator-no-role">
          Connect an account with PAUSER_ROLE or DEFAULT_ADMIN_ROLE (locally: anvil dev account #0) to pause, close the gates or manage signers.
        </p>
      )}

      <h3 style={{ fontSize: 14, marginBottom: 4 }}>Recent events</h3>
      <div className="events">
        <table data-testid="events">
          <tbody>
            {(events.data ?? []).map((log) => (
              <tr key={`${log.transactionHash}-${log.logIndex}`}>
                <td className="nowrap">#{log.blockNumber?.toString()}</td>
                <td className="nowrap">
                  <strong>{log.eventName}</strong>
                </td>
                <td>{describeArgs(log.eventName ?? '', (log as { args?: Record<string, unknown> }).args ?? {})}</td>
              </tr>
            ))}
            {events.data?.length === 0 && (
              <tr>
                <td className="muted">No events yet.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  )
}

function describeArgs(eventName: string, args: Record<string, unknown>): string {
  if (eventName === 'ProofVerified') return `${args.success ? 'valid' : 'INVALID'} · subject ${shortHex(String(args.subject))} · policy ${args.policyId}`
  if (eventName === 'RoleGranted' || eventName === 'RoleRevoked')
    return `${ROLE_NAMES[String(args.role)] ?? shortHex(String(args.role))} · ${shortHex(String(args.account))}`
  if (eventName === 'Paused' || eventName === 'Unpaused' || eventName === 'GatesClosed' || eventName === 'GatesOpened')
    return `by ${shortHex(String(args.account))}`
  return Object.entries(args)
    .map(([k, v]) => `${k} ${shortValue(v)}`)
    .join(' · ')
}

// Hashes and field elements are long; their ends are enough to tell them apart.
function shortValue(value: unknown): string {
  const text = String(value)
  if (text.startsWith('0x')) return shortHex(text)
  return text.length > 16 ? `${text.slice(0, 6)}…${text.slice(-6)}` : text
}
