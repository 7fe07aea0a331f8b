import { readFile } from 'node:fs/promises'
import { encodeFunctionData } from 'viem'
import { describe, expect, test } from 'vitest'
import { proofXRoles, proofXVerifierAbi } from '@proofx/sdk'
import { ALERT_RULES, type ClassifyContext, classifyEvent, type DecodedLog } from './classify-event.js'

const log = (eventName: string, args: Record<string, unknown>): DecodedLog =>
  ({
    eventName,
    args,
    address: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    blockNumber: 7n,
    transactionHash: `0x${'ab'.repeat(32)}`,
    logIndex: 3,
    blockHash: `0x${'cd'.repeat(32)}`,
    data: '0x',
    topics: [],
    transactionIndex: 0,
    removed: false,
  }) as unknown as DecodedLog

describe('classifyEvent (playbook section 2, on-chain table)', () => {
  test('role changes and pause are high, with the role named', () => {
    const [granted] = classifyEvent(
      log('RoleGranted', {
        role: proofXRoles.SIGNER_ROLE,
        account: '0x1111111111111111111111111111111111111111',
        sender: '0x2222222222222222222222222222222222222222',
      }),
      { chainId: 1 },
    )
    expect(granted).toMatchObject({ id: `0x${'ab'.repeat(32)}:3`, severity: 'high', kind: 'RoleChange', blockNumber: '7', data: { roleName: 'SIGNER_ROLE' } })
    expect(classifyEvent(log('RoleRevoked', { role: proofXRoles.DEFAULT_ADMIN_ROLE }), { chainId: 1 })[0]).toMatchObject({
      severity: 'high',
      data: { roleName: 'DEFAULT_ADMIN_ROLE' },
    })
    expect(classifyEvent(log('Paused', { account: '0x1111111111111111111111111111111111111111' }), { chainId: 1 })[0]!.severity).toBe('high')
    expect(classifyEvent(log('GatesClosed', { account: '0x1111111111111111111111111111111111111111' }), { chainId: 1 })[0]).toMatchObject({
      severity: 'high',
      kind: 'GatesClosed',
    })
    expect(classifyEvent(log('Unpaused', {}), { chainId: 1 })[0]!.severity).toBe('info')
    // Who may grant a role changing is a role change too (a 1.0.0 proxy moving UPGRADER_ROLE under itself, or worse).
    expect(
      classifyEvent(
        log('RoleAdminChanged', {
          role: proofXRoles.UPGRADER_ROLE,
          previousAdminRole: proofXRoles.DEFAULT_ADMIN_ROLE,
          newAdminRole: proofXRoles.UPGRADER_ROLE,
        }),
        { chainId: 1 },
      )[0],
    ).toMatchObject({
      severity: 'high',
      kind: 'RoleAdminChange',
      data: { roleName: 'UPGRADER_ROLE', previousAdminRoleName: 'DEFAULT_ADMIN_ROLE', newAdminRoleName: 'UPGRADER_ROLE' },
    })
  })

  test('a failed ProofVerified is medium; a successful one is silent unless its gas is above the baseline', () => {
    const failed = log('ProofVerified', { success: false, signer: '0x1111111111111111111111111111111111111111', nullifier: 5n })
    expect(classifyEvent(failed, { chainId: 1 })).toEqual([
      expect.objectContaining({ severity: 'medium', kind: 'ProofVerificationFailed', data: expect.objectContaining({ nullifier: '5' }) }),
    ])
    const ok = log('ProofVerified', { success: true })
    expect(classifyEvent(ok, { chainId: 1, gasUsed: 300_000n, gasBaseline: 400_000n })).toEqual([])
    expect(classifyEvent(ok, { chainId: 1, gasUsed: 500_000n, gasBaseline: 400_000n })).toEqual([
      expect.objectContaining({ id: `0x${'ab'.repeat(32)}:3:gas`, severity: 'medium', kind: 'GasSpike', data: expect.objectContaining({ gasUsed: '500000' }) }),
    ])
    // Both at once: two alerts with distinct ids.
    expect(classifyEvent(failed, { chainId: 1, gasUsed: 500_000n, gasBaseline: 400_000n }).map((a) => a.kind)).toEqual(['ProofVerificationFailed', 'GasSpike'])
  })

  test('governance: a scheduled upgrade or verifier swap is high, another timelocked call medium, Safe owner changes high', () => {
    const proxy = '0x5FbDB2315678afecb367f032d93F642f64180aa3'
    const timelock = '0x0B306BF915C4d645ff596e518fAf3F9669b97016'
    const scheduled = (target: string, data: `0x${string}`) =>
      ({
        ...log('CallScheduled', { id: `0x${'11'.repeat(32)}`, index: 0n, target, value: 0n, data, predecessor: `0x${'00'.repeat(32)}`, delay: 86_400n }),
        address: timelock,
      }) as DecodedLog
    const swap = encodeFunctionData({ abi: proofXVerifierAbi, functionName: 'setVerifier', args: [proxy, `0x${'12'.repeat(32)}`, true] })
    const upgrade = encodeFunctionData({ abi: proofXVerifierAbi, functionName: 'upgradeToAndCall', args: [proxy, '0x'] })
    const grant = encodeFunctionData({ abi: proofXVerifierAbi, functionName: 'grantRole', args: [proofXRoles.SIGNER_ROLE, proxy] })
    const context: ClassifyContext = { chainId: 1, proxy, timelock }
    expect(classifyEvent(scheduled(proxy, swap), context)[0]).toMatchObject({
      severity: 'high',
      kind: 'UpgradeScheduled',
      contract: timelock,
      data: { functionName: 'setVerifier', delay: '86400' },
    })
    expect(classifyEvent(scheduled(proxy, upgrade), context)[0]).toMatchObject({ severity: 'high', data: { functionName: 'upgradeToAndCall' } })
    // The timelock scheduling a call on itself (its delay, its roles) is high too.
    expect(classifyEvent(scheduled(timelock, '0x64d62353'), context)[0]).toMatchObject({ severity: 'high', kind: 'UpgradeScheduled' })
    expect(classifyEvent(scheduled(proxy, grant), context)[0]).toMatchObject({ severity: 'medium', kind: 'CallScheduled', data: { functionName: 'grantRole' } })
    for (const event of ['AddedOwner', 'RemovedOwner', 'ChangedThreshold'])
      expect(classifyEvent(log(event, {}), context)[0]).toMatchObject({ severity: 'high', kind: 'SafeOwnersChanged' })
    expect(classifyEvent(log('MinDelayChange', {}), context)[0]!.severity).toBe('high')
    expect(classifyEvent(log('ExecutionSuccess', {}), context)[0]!.severity).toBe('info')
  })

  test('a policy registered or changed is medium (the Safe does it with no timelock delay), with its id and hash', () => {
    const policy = log('PolicySet', { policyId: 7n, policyHash: 123n, validityPeriod: 86_400, active: true })
    expect(classifyEvent(policy, { chainId: 1 })).toEqual([
      expect.objectContaining({ severity: 'medium', kind: 'PolicyChanged', data: { policyId: '7', policyHash: '123', validityPeriod: 86_400, active: true } }),
    ])
  })

  test('an issuer added or removed is medium (no timelock delay either), with its key hash; a revocation stays on the audit trail', () => {
    for (const event of ['IssuerAdded', 'IssuerRemoved'])
      expect(classifyEvent(log(event, { issuerKeyHash: 42n, issuerId: 3 }), { chainId: 1 })).toEqual([
        expect.objectContaining({ severity: 'medium', kind: 'IssuerChanged', data: { issuerKeyHash: '42', issuerId: 3 } }),
      ])
    expect(classifyEvent(log('CredentialRevoked', { nullifier: 9n }), { chainId: 1 })[0]).toMatchObject({ severity: 'info', kind: 'CredentialRevoked' })
  })

  test('docs/operations.md names every alert rule with its severity and kind', async () => {
    const doc = await readFile(new URL('../../../docs/operations.md', import.meta.url), 'utf8')
    const rows = doc
      .split('\n')
      .filter((line) => line.startsWith('| ') && /\| (info|medium|high) \|/.test(line))
      .map((line) => line.split('|').map((cell) => cell.trim()))
    for (const [event, rule] of Object.entries(ALERT_RULES)) {
      const row = rows.find((cells) => cells[1]!.includes(`\`${event}\``))
      expect(row, `a monitor table row for ${event}`).toBeDefined()
      expect({ event, severity: row![2], kind: row![3]!.includes(`\`${rule.kind}\``) }).toEqual({ event, severity: rule.severity, kind: true })
    }
  })
})
