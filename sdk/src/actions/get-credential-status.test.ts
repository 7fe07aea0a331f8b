import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ProofXNode, startProofXNode } from '@proofx/test-helpers/anvil'
import { createProofX, type CreateProofXReturnType } from '../clients/create-proofx.js'
import { computeNullifier } from '../credentials/compute-nullifier.js'
import { computeScope } from '../credentials/compute-scope.js'
import { createIssuerKey } from '../credentials/create-issuer-key.js'
import { localAccounts } from '@proofx/test-helpers/local-accounts'
import { issuer, signed } from '@proofx/test-helpers/sample-credential'
import type { CredentialRevokedEvent } from './watch-credential-revoked.js'

// A credential's standing on a real anvil deployment: no proof needed, only what the holder keeps.

let node: ProofXNode
let admin: CreateProofXReturnType
let holder: CreateProofXReturnType

beforeAll(async () => {
  node = await startProofXNode()
  const client = (account: (typeof localAccounts)['admin']) =>
    createProofX({ chainId: node.chainId, deployment: node.deployment, rpcUrl: node.rpcUrl, account, pollingInterval: 50 })
  admin = client(localAccounts.admin)
  holder = client(localAccounts.subject)
})

afterAll(() => node?.stop())

describe('getCredentialStatus', () => {
  test('a credential from the trusted issuer is active; its nullifier is the one its proofs on this deployment carry', async () => {
    const credential = signed({ subject: localAccounts.subject.address })
    const status = await holder.getCredentialStatus({ credential })
    expect(status).toMatchObject({ status: 'active', revoked: false, issuerTrusted: true, issuerKeyHash: issuer.keyHash })
    expect(status.nullifier).toBe(computeNullifier(credential.attributes, computeScope(node.chainId, node.deployment.proxy)))
    expect(status.blockNumber).toBeGreaterThan(0n)
  })

  test("revoked by the issuer's revoker: revoked, and the CredentialRevoked watcher sees it; other credentials stay active", async () => {
    const credential = signed({ subject: localAccounts.subject.address, kycLevel: 4 })
    const other = signed({ subject: localAccounts.subject.address, kycLevel: 5 })
    const { nullifier } = await holder.getCredentialStatus({ credential })
    const events: CredentialRevokedEvent[] = []
    const unwatch = holder.watchCredentialRevoked({ issuerKeyHash: issuer.keyHash, onEvents: (batch) => events.push(...batch), pollingInterval: 50 })
    try {
      const before = await holder.getCredentialStatus({ credential })
      await admin.revokeCredential({ issuerKeyHash: issuer.keyHash, nullifier })
      expect(await holder.getCredentialStatus({ credential })).toMatchObject({ status: 'revoked', revoked: true, issuerTrusted: true, nullifier })
      expect((await holder.getCredentialStatus({ credential: other })).status).toBe('active')
      // Pinned to a block before the revocation, it reads as it was then.
      expect((await holder.getCredentialStatus({ credential, blockNumber: before.blockNumber })).status).toBe('active')
      await expect.poll(() => events.length, { timeout: 10_000 }).toBe(1)
      expect(events[0]).toMatchObject({ issuerKeyHash: issuer.keyHash, nullifier, revokedBy: localAccounts.admin.address })
    } finally {
      unwatch()
    }
  })

  test('an issuer the deployment never added, or removed, is issuer-not-trusted; revoked stays revoked after removal', async () => {
    const unknown = createIssuerKey()
    expect(await holder.getCredentialStatus({ credential: signed({}, unknown) })).toMatchObject({
      status: 'issuer-not-trusted',
      issuerTrusted: false,
      revoked: false,
      issuerKeyHash: unknown.keyHash,
    })

    const removed = createIssuerKey()
    await admin.addIssuer({ issuerKeyHash: removed.keyHash, revoker: localAccounts.admin.address })
    const credential = signed({}, removed)
    const revokedOne = signed({ kycLevel: 4 }, removed)
    expect((await holder.getCredentialStatus({ credential })).status).toBe('active')
    await admin.revokeCredential({ issuerKeyHash: removed.keyHash, nullifier: (await holder.getCredentialStatus({ credential: revokedOne })).nullifier })
    await admin.removeIssuer({ issuerKeyHash: removed.keyHash })
    expect((await holder.getCredentialStatus({ credential })).status).toBe('issuer-not-trusted')
    expect(await holder.getCredentialStatus({ credential: revokedOne })).toMatchObject({ status: 'revoked', issuerTrusted: false })
  })
})
