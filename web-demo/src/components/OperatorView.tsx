import { decodeContractError, proofXRoles, proofXVerifierAbi } from '@proofx/sdk'
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useBlockNumber, useConnection, usePublicClient, useReadContracts, useWriteContract, useConfig } from 'wagmi'
import { waitForTransactionReceipt } from 'wagmi/actions'
import { isAddress, zeroHash, type Address } from 'viem'
import { ErrorNotice } from './ErrorNotice.js'
import { shortHex } from '../lib/format.js'

const { SIGNER_ROLE, PAUSER_ROLE } = proofXRoles
const ROLE_NAMES: Record<string, string> = Object.fromEntries(Object.entries(proofXRoles).map(([name, hash]) => [hash, name]))
const WATCHED_EVENTS = [
  'ProofVerified',
  'RoleGranted',
  'RoleRevoked',
  'Paused',
  'Unpaused',
  'PolicySet',
  'IssuerAdded',
  'IssuerRemoved',
  'CredentialRevoked',
  'VerifierUpdated',
] as const

/** The operator's view: contract state, recent events, and pause / signer management for an admin. */
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
      { ...contract, functionName: 'vkeyHash' },
      { ...contract, functionName: 'maxProofAge' },
      { ...contract, functionName: 'getPolicy', args: [1n] },
      { ...contract, functionName: 'getPolicy', args: [2n] },
      { ...contract, functionName: 'hasRole', args: [zeroHash, account ?? '0x0000000000000000000000000000000000000000'] },
      { ...contract, functionName: 'hasRole', args: [PAUSER_ROLE, account ?? '0x0000000000000000000000000000000000000000'] },
    ],
    query: { refetchInterval: 1_000 },
  })
  const [paused, vkeyHash, maxProofAge, accredited, retail, isAdmin, isPauser] = state.data?.map((r) => r.result) ?? []

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

  const write = useWriteContract()
  const [pending, setPending] = useState<string>()
  const [actionError, setActionError] = useState<unknown>()
  const [signer, setSigner] = useState('')
  const run = async (label: string, request: Parameters<typeof write.writeContractAsync>[0]) => {
    setActionError(undefined)
    setPending(label)
    try {
      const hash = await write.writeContractAsync(request)
      await waitForTransactionReceipt(wagmiConfig, { hash })
      await state.refetch()
    } catch (error) {
      // The SDK turns the contract's custom errors (e.g. a missing role) into readable typed errors.
      setActionError(decodeContractError(error, { functionName: request.functionName }))
    } finally {
      setPending(undefined)
    }
  }

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
            {isPauser &&
              (paused ? (
                <button type="button" disabled={!!pending} onClick={() => run('unpause', { ...contract, functionName: 'unpause' })} data-testid="unpause">
                  Unpause
                </button>
              ) : (
                <button type="button" disabled={!!pending} onClick={() => run('pause', { ...contract, functionName: 'pause' })} data-testid="pause">
                  Pause submissions
                </button>
              ))}
          </div>
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
              <button
                type="button"
                disabled={!!pending || !isAddress(signer)}
                onClick={() => run('grant', { ...contract, functionName: 'grantRole', args: [SIGNER_ROLE, signer as Address] })}
                data-testid="grant-signer"
              >
                Grant signer
              </button>
              <button
                type="button"
                className="secondary"
                disabled={!!pending || !isAddress(signer)}
                onClick={() => run('revoke', { ...contract, functionName: 'revokeRole', args: [SIGNER_ROLE, signer as Address] })}
                data-testid="revoke-signer"
              >
                Revoke signer
              </button>
            </div>
          )}
          {pending && <p className="muted">Sending {pending}…</p>}
          <ErrorNotice error={actionError} testId="operator-error" />
        </div>
      )}
      {!isAdmin && !isPauser && <p className="muted">Connect an admin account (locally: anvil dev account #0) to pause or manage signers.</p>}

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
  if (eventName === 'Paused' || eventName === 'Unpaused') return `by ${shortHex(String(args.account))}`
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
