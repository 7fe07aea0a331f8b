import { decodeFunctionData, getAddress, isHex, type Address, type Hash, type Log } from 'viem'
import { proofXVerifierAbi, roleName } from '@proofx/sdk'

export type Severity = 'info' | 'medium' | 'high'

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, medium: 1, high: 2 }

/** One line of `proofx monitor` output. `id` is unique per (transaction, log[, rule]) so restarts can dedupe. */
export type Alert = {
  id: string
  severity: Severity
  kind: string
  event: string
  action: string
  chainId: number
  contract: Address
  blockNumber: string
  transactionHash: Hash
  logIndex: number
  data: Record<string, string | boolean | number>
}

export type DecodedLog = Log<bigint, number, false> & { eventName: string; args: Record<string, unknown> }

export type ClassifyContext = {
  chainId: number
  /** gasUsed of the log's transaction; only fetched for ProofVerified. */
  gasUsed?: bigint | undefined
  /** Submissions above this gas are a "Gas Spike" (playbook: medium). */
  gasBaseline?: bigint | undefined
  /** The ProofXVerifier proxy and its timelock: a scheduled call to either changes the rules. */
  proxy?: Address | undefined
  timelock?: Address | undefined
}

const OWNERS_CHANGED = {
  severity: 'high',
  kind: 'SafeOwnersChanged',
  action: 'Admin keys changed (playbook 4: rotate only if signers change). Check if authorized.',
} as const

/** Verifier functions a timelocked call may run that change what the protocol accepts. */
const RULE_CHANGES = new Set(['upgradeToAndCall', 'setVerifier', 'setBatchVerifier'])

/** Playbook section 2, on-chain table: event -> severity and the action it calls for (docs/operations.md's monitor table lists each; a test compares). */
export const ALERT_RULES: Record<string, { severity: Severity; kind: string; action: string }> = {
  RoleGranted: { severity: 'high', kind: 'RoleChange', action: 'IMMEDIATE NOTIFICATION to Admin. Check if authorized.' },
  RoleRevoked: { severity: 'high', kind: 'RoleChange', action: 'IMMEDIATE NOTIFICATION to Admin. Check if authorized.' },
  // Who may grant a role changed: as much a change of who holds power as a grant (initialize sets UPGRADER_ROLE's).
  RoleAdminChanged: {
    severity: 'high',
    kind: 'RoleAdminChange',
    action: 'IMMEDIATE NOTIFICATION to Admin: who may grant this role changed. Check if authorized.',
  },
  Paused: { severity: 'high', kind: 'ProtocolPaused', action: 'Protocol halted. All hands on deck.' },
  // Closing the gates locks every gated dApp's users out: as loud as a pause.
  GatesClosed: { severity: 'high', kind: 'GatesClosed', action: 'Every isCompliant is false. Confirm the incident response (playbook scenario B).' },
  // Not in the playbook table, but they change what the protocol accepts: somebody should confirm they were planned.
  Upgraded: { severity: 'medium', kind: 'ImplementationUpgraded', action: 'Confirm the upgrade was planned (playbook section 4).' },
  VerifierUpdated: { severity: 'medium', kind: 'VerifierChanged', action: 'Confirm the circuit upgrade was planned (playbook section 4).' },
  // The Safe changes a policy with no timelock delay (DEFAULT_ADMIN_ROLE): this alert is the window to react.
  PolicySet: {
    severity: 'medium',
    kind: 'PolicyChanged',
    action: "A policy was registered or changed (no timelock delay): confirm the owners proposed it and its hash is the published document's.",
  },
  // Issuers change with no timelock delay (DEFAULT_ADMIN_ROLE), like policies: a new issuer can sign credentials that count.
  IssuerAdded: {
    severity: 'medium',
    kind: 'IssuerChanged',
    action: "An issuer was added (no timelock delay): confirm the owners proposed it and the key is the KYC provider's.",
  },
  IssuerRemoved: {
    severity: 'medium',
    kind: 'IssuerChanged',
    action: 'An issuer was removed (no timelock delay): confirm the owners proposed it; its holders stop counting.',
  },
  // Governance: the Safe's owners and threshold are the admin keys; the timelock's delay is the window to react.
  AddedOwner: OWNERS_CHANGED,
  RemovedOwner: OWNERS_CHANGED,
  ChangedThreshold: OWNERS_CHANGED,
  ChangedGuard: OWNERS_CHANGED,
  EnabledModule: OWNERS_CHANGED,
  DisabledModule: OWNERS_CHANGED,
  MinDelayChange: { severity: 'high', kind: 'TimelockDelayChanged', action: 'The timelock delay changed: confirm the owners scheduled it.' },
  Cancelled: { severity: 'medium', kind: 'TimelockCancelled', action: 'A scheduled change was cancelled: confirm the owners did it.' },
  ExecutionFailure: { severity: 'medium', kind: 'SafeExecutionFailed', action: 'A Safe transaction failed: check what the owners tried.' },
}

/** The alerts one decoded log raises (none, one, or two for a failed and expensive submission). */
export function classifyEvent(log: DecodedLog, context: ClassifyContext): Alert[] {
  const base = {
    chainId: context.chainId,
    contract: getAddress(log.address),
    event: log.eventName,
    blockNumber: log.blockNumber.toString(),
    transactionHash: log.transactionHash,
    logIndex: log.logIndex,
    data: flatten(log.args),
  }
  const id = `${log.transactionHash}:${log.logIndex}`
  const alerts: Alert[] = []
  const rule = ALERT_RULES[log.eventName]
  if (rule) alerts.push({ id, ...rule, ...base, data: describeRole(base.data) })
  else if (log.eventName === 'CallScheduled')
    alerts.push({ id, ...scheduledCall(log, context), ...base, data: { ...base.data, ...describeCall(log.args.data) } })
  else if (log.eventName === 'ProofVerified') {
    if (log.args.success === false) alerts.push({ id, severity: 'medium', kind: 'ProofVerificationFailed', action: 'Investigate specific signer.', ...base })
    if (context.gasUsed !== undefined && context.gasBaseline !== undefined && context.gasUsed > context.gasBaseline)
      alerts.push({
        id: `${id}:gas`,
        severity: 'medium',
        kind: 'GasSpike',
        action: 'Update gas limits in prover config.',
        ...base,
        data: { ...base.data, gasUsed: context.gasUsed.toString(), gasBaseline: context.gasBaseline.toString() },
      })
  } else alerts.push({ id, severity: 'info', kind: log.eventName, action: 'Audit trail.', ...base })
  return alerts
}

/**
 * A timelock CallScheduled: high when it will upgrade the proxy, swap its verifier or change the timelock itself
 * (the delay is the window to cancel), medium otherwise.
 */
function scheduledCall(log: DecodedLog, { proxy, timelock }: ClassifyContext): { severity: Severity; kind: string; action: string } {
  const target = typeof log.args.target === 'string' ? getAddress(log.args.target) : undefined
  const fn = describeCall(log.args.data).functionName
  const toProxy = proxy !== undefined && target === getAddress(proxy)
  const toTimelock = target === getAddress(timelock ?? log.address)
  if ((toProxy && typeof fn === 'string' && RULE_CHANGES.has(fn)) || toTimelock)
    return {
      severity: 'high',
      kind: 'UpgradeScheduled',
      action: `A rule change (${fn ?? 'unknown call'}) is scheduled: confirm the owners proposed it; the Safe can cancel it before its delay (${String(log.args.delay)} s) ends.`,
    }
  return { severity: 'medium', kind: 'CallScheduled', action: 'A timelocked call is scheduled: confirm the owners proposed it.' }
}

function describeCall(data: unknown): Alert['data'] {
  if (typeof data !== 'string' || !isHex(data)) return {}
  try {
    return { functionName: decodeFunctionData({ abi: proofXVerifierAbi, data }).functionName }
  } catch {
    return { selector: data.slice(0, 10) }
  }
}

function describeRole(data: Alert['data']): Alert['data'] {
  const named = (field: string) => (typeof data[field] === 'string' ? { [`${field}Name`]: roleName(data[field] as `0x${string}`) } : {})
  return typeof data.role === 'string'
    ? { ...data, roleName: roleName(data.role as `0x${string}`), ...named('previousAdminRole'), ...named('newAdminRole') }
    : data
}

function flatten(args: Record<string, unknown>): Alert['data'] {
  const out: Alert['data'] = {}
  for (const [key, value] of Object.entries(args ?? {})) out[key] = typeof value === 'bigint' ? value.toString() : (value as string | boolean | number)
  return out
}
