import { getAddress, sliceHex, type Account, type Address, type Chain, type Client, type Hash, type Hex, type Transport } from 'viem'
import { deployContract, getStorageAt, waitForTransactionReceipt } from 'viem/actions'
import {
  simulateVerifier,
  writeVerifier,
  type SimulateParameters,
  type SimulateVerifierReturnType,
  type WriteVerifierOptions,
  type WriteVerifierReturnType,
} from '../chain/write-verifier.js'
import type { ProofXErrorType } from '../errors/base.js'
import { InvalidInputError } from '../errors/validation.js'
import { ContractRevertedError, type ContractRevertedErrorType, type InvalidUpgradeErrorType, type MissingRoleErrorType } from '../errors/contract.js'

/** ERC-1967: bytes32(uint256(keccak256('eip1967.proxy.implementation')) - 1). */
export const IMPLEMENTATION_SLOT = '0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc' as const

export type UpgradeParameters = WriteVerifierOptions & {
  /** Calldata for the new implementation, run through the proxy right after the switch (e.g. a reinitializer); default none. */
  data?: Hex | undefined
} & (
    | {
        /** Creation bytecode of the new ProofXVerifier implementation (from the Foundry build); deployed first. */
        bytecode: Hex
        implementation?: undefined
      }
    | {
        /** An implementation that is already deployed. */
        implementation: Address
        bytecode?: undefined
      }
  )

export type UpgradeReturnType = WriteVerifierReturnType & {
  /** The implementation the proxy now points at (read back from the ERC-1967 slot). */
  implementation: Address
  /** The deployment transaction, when `bytecode` was given. */
  deployHash: Hash | undefined
}

export type UpgradeErrorType = MissingRoleErrorType | InvalidUpgradeErrorType | ContractRevertedErrorType | ProofXErrorType

/**
 * Upgrades the UUPS proxy: deploys the new implementation (when given its bytecode), then calls
 * upgradeToAndCall through the proxy. Needs UPGRADER_ROLE. A contract that is not a UUPS implementation is
 * refused with InvalidUpgradeError. Check storage-layout compatibility before (OpenZeppelin upgrades-core);
 * the proxy cannot.
 * @example
 * const { implementation } = await upgrade(adminClient, { address: deployment.proxy, bytecode: artifact.bytecode.object })
 */
export async function upgrade(client: Client<Transport, Chain | undefined, Account | undefined>, parameters: UpgradeParameters): Promise<UpgradeReturnType> {
  const { bytecode, data = '0x', ...options } = parameters
  let implementation = parameters.implementation
  let deployHash: Hash | undefined
  if (bytecode !== undefined) {
    deployHash = await deployContract(client, { abi: [], bytecode, account: options.account ?? client.account, chain: options.chain } as never)
    const receipt = await waitForTransactionReceipt(client, { hash: deployHash })
    if (receipt.status !== 'success' || !receipt.contractAddress)
      throw new ContractRevertedError({
        functionName: 'deploy implementation',
        transactionHash: deployHash,
        reason: "The implementation's deployment reverted.",
      })
    implementation = receipt.contractAddress
  }
  if (!implementation) throw new InvalidInputError({ field: 'implementation', rule: "pass the new implementation's address or its creation bytecode" })
  const { address, account, chain, onSubmitted } = options
  const result = await writeVerifier(client, { address, account, chain, onSubmitted, functionName: 'upgradeToAndCall', args: [implementation, data] })
  const slot = await getStorageAt(client, { address, slot: IMPLEMENTATION_SLOT, blockNumber: result.receipt.blockNumber })
  return { ...result, implementation: getAddress(sliceHex(slot ?? '0x', 12)), deployHash }
}

export type SimulateUpgradeParameters = SimulateParameters<WriteVerifierOptions> & {
  /** The new implementation (deployed, or given as code with `stateOverride` in a dry run). */
  implementation: Address
  /** Calldata run through the proxy right after the switch; default none. */
  data?: Hex | undefined
}

/**
 * The upgradeToAndCall of `upgrade` without sending it: the checked request and its calldata, or the SDK error it
 * would revert with (InvalidUpgradeError for code that is not a UUPS implementation).
 */
export async function simulateUpgrade(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { implementation, data = '0x', ...options }: SimulateUpgradeParameters,
): Promise<SimulateVerifierReturnType> {
  return simulateVerifier(client, { ...options, functionName: 'upgradeToAndCall', args: [implementation, data] })
}
