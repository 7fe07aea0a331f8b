import {
  encodeFunctionData,
  type Account,
  type Address,
  type Chain,
  type Client,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type Hash,
  type Hex,
  type StateOverride,
  type TransactionReceipt,
  type Transport,
} from 'viem'
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

/** The parameters of an action's simulate-only variant: the same as the action's, minus what only a sent transaction has. */
export type SimulateParameters<parameters extends WriteVerifierOptions> = Omit<parameters, 'onSubmitted' | 'pollingInterval'> & {
  /** eth_call state overrides: e.g. the code of a contract a dry run has not deployed yet. */
  stateOverride?: StateOverride | undefined
}

/** What a simulation found: viem's `{ result, request }` (send it with viem's writeContract) and the calldata. */
export type SimulateVerifierReturnType = {
  /** The function's return value, as the node computed it. */
  result: unknown
  /** The checked request, ready for viem's `writeContract`. */
  request: {
    address: Address
    abi: Abi
    functionName: VerifierWriteFunctionName
    args: readonly unknown[]
    account?: Account | Address | undefined
    chain?: Chain | null | undefined
  }
  /** The transaction's calldata (e.g. for a multisig proposal). */
  data: Hex
}

/**
 * Simulates one ProofXVerifier transaction without sending it (a dry run), from `account`: any address will do, as
 * eth_call needs no key, so a Safe or a timelock can be simulated as the sender. A revert becomes the SDK error for
 * its Solidity custom error (MissingRoleError names the role).
 */
export async function simulateVerifier<functionName extends VerifierWriteFunctionName>(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  {
    address,
    account,
    chain,
    gas,
    stateOverride,
    functionName,
    args,
  }: SimulateParameters<WriteVerifierOptions> & { functionName: functionName; args: ContractFunctionArgs<Abi, 'nonpayable' | 'payable', functionName> },
): Promise<SimulateVerifierReturnType> {
  try {
    const simulation = await simulateContract(client, {
      address,
      abi: proofXVerifierAbi,
      functionName,
      args,
      account: account ?? client.account,
      chain,
      ...(gas === undefined ? {} : { gas }),
      ...(stateOverride === undefined ? {} : { stateOverride }),
    } as never)
    const { request, result } = simulation as unknown as { request: SimulateVerifierReturnType['request']; result: unknown }
    return { request, result, data: encodeFunctionData({ abi: proofXVerifierAbi, functionName, args } as never) }
  } catch (error) {
    throw decodeContractError(error, { functionName })
  }
}

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
  const { request, result } = await simulateVerifier(client, { address, account, chain, gas, functionName, args })
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
