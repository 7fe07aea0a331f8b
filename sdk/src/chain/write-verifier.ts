import type { Account, Address, Chain, Client, ContractFunctionArgs, ContractFunctionName, Hash, TransactionReceipt, Transport } from 'viem'
import { simulateContract, waitForTransactionReceipt, writeContract } from 'viem/actions'
import { ContractRevertedError } from '../errors/contract.js'
import { proofXVerifierAbi } from './abi.js'
import { decodeContractError } from './decode-contract-error.js'

type Abi = typeof proofXVerifierAbi
export type VerifierWriteFunctionName = ContractFunctionName<Abi, 'nonpayable' | 'payable'>

/** Who sends and on which chain: the parameters every write action shares. */
export type WriteVerifierOptions = {
  /** The ProofXVerifier proxy. */
  address: Address
  /** Defaults to the client's account. */
  account?: Account | Address | undefined
  /** Defaults to the client's chain; viem checks the wallet is on it. */
  chain?: Chain | null | undefined
  /**
   * Gas limit; default: the node's estimate. Too low a limit for submitProof reverts with InsufficientGasError
   * (the contract keeps a gas floor for the pairing check, so the estimate is always enough).
   */
  gas?: bigint | undefined
  /** Called with the transaction hash as soon as it is sent, before it is mined. */
  onSubmitted?: ((hash: Hash) => void) | undefined
  /** Milliseconds between receipt polls. Default: the client's (a wallet's connector client: viem's 4 s). */
  pollingInterval?: number | undefined
}

export type WriteVerifierHooks = {
  /** Sees the function's simulated return value; throw to stop before the transaction is sent. */
  onSimulated?: ((result: unknown) => Promise<void> | void) | undefined
}

/** A mined ProofX transaction. */
export type WriteVerifierReturnType = { hash: Hash; receipt: TransactionReceipt }

/**
 * Simulates, sends and waits for one ProofXVerifier transaction. The simulation turns a revert into the
 * SDK error for its Solidity custom error before any gas is spent; a transaction that reverts anyway
 * (the state changed in between) throws ContractRevertedError with its hash.
 */
export async function writeVerifier<functionName extends VerifierWriteFunctionName>(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  {
    address,
    account,
    chain,
    gas,
    onSubmitted,
    pollingInterval,
    functionName,
    args,
  }: WriteVerifierOptions & { functionName: functionName; args: ContractFunctionArgs<Abi, 'nonpayable' | 'payable', functionName> },
  { onSimulated }: WriteVerifierHooks = {},
): Promise<WriteVerifierReturnType> {
  let request: unknown
  let result: unknown
  try {
    const simulation = await simulateContract(client, {
      address,
      abi: proofXVerifierAbi,
      functionName,
      args,
      account: account ?? client.account,
      chain,
      ...(gas === undefined ? {} : { gas }),
    } as never)
    request = (simulation as { request: unknown }).request
    result = (simulation as { result: unknown }).result
  } catch (error) {
    throw decodeContractError(error, { functionName })
  }
  // Outside the try: what the hook throws is already an SDK error.
  await onSimulated?.(result)
  let hash: Hash
  try {
    hash = await writeContract(client, request as never)
  } catch (error) {
    throw decodeContractError(error, { functionName })
  }
  onSubmitted?.(hash)
  const receipt = await waitForTransactionReceipt(client, { hash, ...(pollingInterval === undefined ? {} : { pollingInterval }) })
  if (receipt.status !== 'success')
    throw new ContractRevertedError({ functionName, transactionHash: hash, reason: 'The transaction reverted on-chain after its simulation succeeded.' })
  return { hash, receipt }
}
