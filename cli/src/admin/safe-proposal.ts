import { EthSafeSignature, EthSafeTransaction, calculateSafeTransactionHash, decodeMultiSendData, generateTypedData } from '@safe-global/protocol-kit'
import { Safe, type SafeKit } from './protocol-kit.js'
import { getAddress, recoverTypedDataAddress, type Address, type Hex, type LocalAccount } from 'viem'
import type { AdminParams } from './admin-operations.js'
import { NotSafeOwnerError, ProposalMismatchError, ThresholdNotMetError } from './governance-errors.js'
import { SAFE_VERSION, contractNetworksFor, type SafeContractAddresses } from './safe-contracts.js'
import type { TimelockOperation } from './timelock.js'

/** One call the Safe makes (several go through MultiSendCallOnly in one Safe transaction). */
export type ProposalCall = { to: Address; value: string; data: Hex; description: string }

/** The Safe transaction fields its EIP-712 hash covers (Safe 1.4.1's SafeTx). */
export type SafeTransactionFields = {
  to: Address
  value: string
  data: Hex
  operation: 0 | 1
  safeTxGas: string
  baseGas: string
  gasPrice: string
  gasToken: Address
  refundReceiver: Address
  nonce: number
}

/**
 * A proposal file: what an operator writes with `proofx admin <operation> --propose`, each owner signs offline with
 * `proofx admin sign`, and anyone executes with `proofx admin execute` once enough owners signed.
 */
export type SafeProposal = {
  kind: 'proofx-safe-proposal'
  version: 1
  chainId: number
  safe: Address
  safeVersion: string
  /** The `proofx admin` operation and its options, to show the state it changes before and after. */
  operation: string
  params: AdminParams
  /** direct: the Safe calls the proxy; schedule / execute: the Safe calls the timelock. */
  phase: 'direct' | 'schedule' | 'execute'
  calls: ProposalCall[]
  safeTransaction: SafeTransactionFields
  safeTxHash: Hex
  /** The timelocked operation (phase schedule or execute). */
  timelock?:
    | { address: Address; operationId: Hex; predecessor: Hex; salt: Hex; delay: string; calls: { target: Address; value: string; data: Hex }[] }
    | undefined
  /** protocol-kit's contract addresses on chains @safe-global/safe-deployments does not list. */
  safeContracts?: SafeContractAddresses | undefined
  /** Dry run of each call from the Safe (or the timelock) when the proposal was made. */
  simulation: { description: string; result: string }[]
  createdAt: string
}

/** One owner's signature of one proposal: the file they hand back. */
export type SafeSignatureFile = {
  kind: 'proofx-safe-signature'
  safe: Address
  chainId: number
  safeTxHash: Hex
  signer: Address
  signature: Hex
  signedAt: string
}

export type SafeConnection = { rpcUrl: string; chainId: number; safe: Address; safeContracts?: SafeContractAddresses | undefined }

/** protocol-kit bound to an existing Safe (read-only: proposals are signed offline and sent with viem). */
export function connectSafe({ rpcUrl, chainId, safe, safeContracts }: SafeConnection): Promise<SafeKit> {
  return Safe.init({ provider: rpcUrl, safeAddress: safe, contractNetworks: contractNetworksFor(chainId, safeContracts) })
}

const txData = (t: SafeTransactionFields) => ({ ...t, value: t.value, safeTxGas: t.safeTxGas, baseGas: t.baseGas, gasPrice: t.gasPrice })

/**
 * Builds the Safe transaction for `calls` with protocol-kit (one call as is, several through MultiSendCallOnly)
 * at the Safe's next nonce (or `nonce`, to queue several proposals), and its EIP-712 hash.
 */
export async function buildSafeProposal(
  connection: SafeConnection,
  input: Pick<SafeProposal, 'operation' | 'params' | 'phase' | 'calls' | 'timelock' | 'simulation'> & { nonce?: number | undefined },
): Promise<SafeProposal> {
  const kit = await connectSafe(connection)
  const tx = await kit.createTransaction({
    transactions: input.calls.map(({ to, value, data }) => ({ to, value, data })),
    onlyCalls: true,
    ...(input.nonce === undefined ? {} : { options: { nonce: input.nonce } }),
  })
  const d = tx.data
  const safeTransaction: SafeTransactionFields = {
    to: getAddress(d.to),
    value: String(d.value),
    data: d.data as Hex,
    operation: d.operation as 0 | 1,
    safeTxGas: String(d.safeTxGas),
    baseGas: String(d.baseGas),
    gasPrice: String(d.gasPrice),
    gasToken: getAddress(d.gasToken),
    refundReceiver: getAddress(d.refundReceiver),
    nonce: Number(d.nonce),
  }
  return {
    kind: 'proofx-safe-proposal',
    version: 1,
    chainId: connection.chainId,
    safe: getAddress(connection.safe),
    safeVersion: kit.getContractVersion(),
    operation: input.operation,
    params: input.params,
    phase: input.phase,
    calls: input.calls,
    safeTransaction,
    safeTxHash: (await kit.getTransactionHash(tx)) as Hex,
    ...(input.timelock ? { timelock: input.timelock } : {}),
    ...(connection.safeContracts ? { safeContracts: connection.safeContracts } : {}),
    simulation: input.simulation,
    createdAt: new Date().toISOString(),
  }
}

/**
 * Checks a proposal on its own, with no chain: its hash is the EIP-712 hash of its Safe transaction, and that
 * transaction makes exactly the calls the proposal lists (what an owner reads is what they sign).
 */
export function checkProposal(proposal: SafeProposal): void {
  if (proposal.kind !== 'proofx-safe-proposal' || proposal.version !== 1)
    throw new ProposalMismatchError({ field: 'kind', rule: 'is not a version 1 proofx Safe proposal' })
  const hash = calculateSafeTransactionHash(proposal.safe, txData(proposal.safeTransaction) as never, proposal.safeVersion, BigInt(proposal.chainId))
  if (hash.toLowerCase() !== proposal.safeTxHash.toLowerCase())
    throw new ProposalMismatchError({ field: 'safeTxHash', rule: `is not the hash of safeTransaction (${hash})` })
  const tx = proposal.safeTransaction
  const made =
    proposal.calls.length === 1 && tx.operation === 0
      ? [{ to: tx.to, value: tx.value, data: tx.data }]
      : tx.operation === 1
        ? decodeMultiSendData(tx.data).map((c) => ({ to: c.to, value: String(c.value), data: c.data }))
        : []
  const same =
    made.length === proposal.calls.length &&
    made.every(
      (c, i) =>
        getAddress(c.to) === getAddress(proposal.calls[i]!.to) &&
        BigInt(c.value) === BigInt(proposal.calls[i]!.value) &&
        c.data.toLowerCase() === proposal.calls[i]!.data.toLowerCase(),
    )
  if (!same) throw new ProposalMismatchError({ field: 'calls', rule: 'differ from what safeTransaction does' })
}

/**
 * One owner signs a proposal on their own machine: no RPC, only the proposal file and their key. Returns the
 * signature file to hand back.
 * @example
 * const file = await signSafeProposal(proposal, await loadAccount({ kind: 'keystore', path, password }))
 */
export async function signSafeProposal(proposal: SafeProposal, account: LocalAccount): Promise<SafeSignatureFile> {
  checkProposal(proposal)
  const signature = await account.signTypedData(safeTransactionTypedData(proposal) as unknown as Parameters<LocalAccount['signTypedData']>[0])
  return {
    kind: 'proofx-safe-signature',
    safe: proposal.safe,
    chainId: proposal.chainId,
    safeTxHash: proposal.safeTxHash,
    signer: account.address,
    signature,
    signedAt: new Date().toISOString(),
  }
}

/** Who really made a signature file's signature (EIP-712 over the proposal's Safe transaction). */
async function recoverSigner(proposal: SafeProposal, file: SafeSignatureFile): Promise<Address> {
  return recoverTypedDataAddress({
    ...safeTransactionTypedData(proposal),
    signature: file.signature,
  } as unknown as Parameters<typeof recoverTypedDataAddress>[0])
}

/**
 * The EIP-712 typed data an owner signs for the proposal's Safe transaction, in viem's shape: protocol-kit lists
 * the EIP712Domain type, which viem derives from the domain itself, so it is left out.
 */
function safeTransactionTypedData(proposal: SafeProposal) {
  const typedData = generateTypedData({
    safeAddress: proposal.safe,
    safeVersion: proposal.safeVersion,
    chainId: BigInt(proposal.chainId),
    data: txData(proposal.safeTransaction) as never,
  })
  const { EIP712Domain: _domain, ...types } = typedData.types as unknown as Record<string, unknown>
  return { domain: typedData.domain, types, primaryType: typedData.primaryType, message: typedData.message }
}

/**
 * The Safe transaction with the owners' signatures, after checking them against the Safe on chain: each file is for
 * this proposal and made by the owner it names, the Safe's nonce is still the proposal's, and at least `threshold`
 * distinct owners signed. Throws a typed error otherwise; returns the execTransaction calldata protocol-kit encodes.
 */
export async function assembleSafeTransaction(
  kit: SafeKit,
  proposal: SafeProposal,
  files: { name: string; file: SafeSignatureFile }[],
): Promise<{ calldata: Hex; signers: Address[]; threshold: number }> {
  checkProposal(proposal)
  const [owners, threshold, nonce] = await Promise.all([kit.getOwners(), kit.getThreshold(), kit.getNonce()])
  if (nonce !== proposal.safeTransaction.nonce)
    throw new ProposalMismatchError({
      field: 'safeTransaction.nonce',
      rule: `is ${proposal.safeTransaction.nonce} but the Safe is at nonce ${nonce} (${nonce > proposal.safeTransaction.nonce ? 'already executed or replaced' : 'an earlier proposal must run first'})`,
    })
  const ownerSet = new Set(owners.map((o: string) => getAddress(o)))
  const tx = new EthSafeTransaction(txData(proposal.safeTransaction) as never)
  const signers: Address[] = []
  for (const { name, file } of files) {
    if (file.kind !== 'proofx-safe-signature' || file.safeTxHash.toLowerCase() !== proposal.safeTxHash.toLowerCase())
      throw new ProposalMismatchError({ field: `${name}: safeTxHash`, rule: 'belongs to another proposal' })
    const recovered = await recoverSigner(proposal, file)
    if (recovered !== getAddress(file.signer))
      throw new NotSafeOwnerError({ signer: getAddress(file.signer), safe: proposal.safe, file: name, reason: 'signature does not match its signer' })
    if (!ownerSet.has(recovered)) throw new NotSafeOwnerError({ signer: recovered, safe: proposal.safe, file: name, reason: 'not an owner' })
    if (signers.includes(recovered)) continue
    signers.push(recovered)
    tx.addSignature(new EthSafeSignature(recovered, file.signature))
  }
  if (signers.length < threshold) throw new ThresholdNotMetError({ signed: signers.length, threshold, safe: proposal.safe })
  return { calldata: (await kit.getEncodedTransaction(tx)) as Hex, signers, threshold }
}

/** The timelock entry of a proposal, from the operation it schedules or executes. */
export function timelockEntry(address: Address, operationId: Hex, operation: TimelockOperation): NonNullable<SafeProposal['timelock']> {
  return {
    address,
    operationId,
    predecessor: operation.predecessor,
    salt: operation.salt,
    delay: operation.delay.toString(),
    calls: operation.calls.map((c) => ({ target: c.target, value: c.value.toString(), data: c.data })),
  }
}

export { SAFE_VERSION }
