import { getAbiItem, type Address, type Hash, type PublicClient } from 'viem'
import { proofXRoles, proofXVerifierAbi } from '@proofx/sdk'

export type SignerKeyAge = {
  account: Address
  grantedAt: string
  grantedBlock: string
  grantTransaction: Hash
  ageDays: number
  /** Older than the rotation period (playbook section 4: 90 days). */
  stale: boolean
}

export type AuditSignerKeysReturnType = { checkedAt: string; maxAgeDays: number; signers: SignerKeyAge[]; stale: Address[] }

/**
 * Every current SIGNER_ROLE holder with the age of its latest grant, measured against the chain's
 * clock (so anvil time travel works). Revoked keys are left out.
 * @example
 * const { stale } = await auditSignerKeys(client, { contract: deployment.proxy, fromBlock: BigInt(deployment.deployBlock) })
 */
export async function auditSignerKeys(
  client: PublicClient,
  { contract, fromBlock = 0n, maxAgeDays = 90 }: { contract: Address; fromBlock?: bigint; maxAgeDays?: number },
): Promise<AuditSignerKeysReturnType> {
  const grantedEvent = getAbiItem({ abi: proofXVerifierAbi, name: 'RoleGranted' })
  const grants = await client.getLogs({ address: contract, event: grantedEvent, args: { role: proofXRoles.SIGNER_ROLE }, fromBlock, toBlock: 'latest' })
  const latest = new Map<Address, (typeof grants)[number]>()
  for (const log of grants) latest.set(log.args.account!, log) // logs come in chain order: the last grant wins
  const head = await client.getBlock({ blockTag: 'latest' })
  const signers: SignerKeyAge[] = []
  for (const [account, log] of latest) {
    const holds = await client.readContract({ address: contract, abi: proofXVerifierAbi, functionName: 'hasRole', args: [proofXRoles.SIGNER_ROLE, account] })
    if (!holds) continue
    const block = await client.getBlock({ blockNumber: log.blockNumber })
    const ageDays = Number(head.timestamp - block.timestamp) / 86_400
    signers.push({
      account,
      grantedAt: new Date(Number(block.timestamp) * 1000).toISOString(),
      grantedBlock: log.blockNumber.toString(),
      grantTransaction: log.transactionHash,
      ageDays: Math.floor(ageDays * 10) / 10,
      stale: ageDays > maxAgeDays,
    })
  }
  return { checkedAt: new Date(Number(head.timestamp) * 1000).toISOString(), maxAgeDays, signers, stale: signers.filter((s) => s.stale).map((s) => s.account) }
}
