import { createRequire } from 'node:module'
import { keccak256, encodeAbiParameters, type Abi, type Address, type Hex, type PublicClient } from 'viem'

type Artifact = { abi: Abi; bytecode: Hex }

/** OpenZeppelin's TimelockController, from @openzeppelin/contracts' own build (the version the contracts use). */
export function timelockArtifact(): Artifact {
  const require = createRequire(import.meta.url)
  return require('@openzeppelin/contracts/build/contracts/TimelockController.json') as Artifact
}

/** The timelock's ABI, from the same artifact. */
export const timelockAbi = (): Abi => timelockArtifact().abi

export type TimelockRoleName = 'PROPOSER_ROLE' | 'EXECUTOR_ROLE' | 'CANCELLER_ROLE'

/** A TimelockController role id, read from the deployed timelock's own constant (no local copy of the hash). */
export async function readTimelockRole(client: Pick<PublicClient, 'readContract'>, timelock: Address, name: TimelockRoleName): Promise<Hex> {
  return (await client.readContract({ address: timelock, abi: timelockAbi(), functionName: name })) as Hex
}

/** One call the timelock will make (several make a batch). */
export type TimelockCall = { target: Address; value: bigint; data: Hex }

/** A scheduled operation: what `schedule`/`scheduleBatch` and later `execute`/`executeBatch` take. */
export type TimelockOperation = { calls: TimelockCall[]; predecessor: Hex; salt: Hex; delay: bigint }

/** TimelockController.hashOperation / hashOperationBatch, computed locally (the same encoding). */
export function timelockOperationId({ calls, predecessor, salt }: Omit<TimelockOperation, 'delay'>): Hex {
  if (calls.length === 1) {
    const [call] = calls
    return keccak256(
      encodeAbiParameters(
        [{ type: 'address' }, { type: 'uint256' }, { type: 'bytes' }, { type: 'bytes32' }, { type: 'bytes32' }],
        [call!.target, call!.value, call!.data, predecessor, salt],
      ),
    )
  }
  return keccak256(
    encodeAbiParameters(
      [{ type: 'address[]' }, { type: 'uint256[]' }, { type: 'bytes[]' }, { type: 'bytes32' }, { type: 'bytes32' }],
      [calls.map((c) => c.target), calls.map((c) => c.value), calls.map((c) => c.data), predecessor, salt],
    ),
  )
}

/** The timelock function and arguments that schedule (or execute) `operation`. */
export function timelockCall(operation: TimelockOperation, phase: 'schedule' | 'execute'): { functionName: string; args: readonly unknown[] } {
  const { calls, predecessor, salt, delay } = operation
  if (calls.length === 1) {
    const [c] = calls
    return phase === 'schedule'
      ? { functionName: 'schedule', args: [c!.target, c!.value, c!.data, predecessor, salt, delay] }
      : { functionName: 'execute', args: [c!.target, c!.value, c!.data, predecessor, salt] }
  }
  const lists = [calls.map((c) => c.target), calls.map((c) => c.value), calls.map((c) => c.data)] as const
  return phase === 'schedule'
    ? { functionName: 'scheduleBatch', args: [...lists, predecessor, salt, delay] }
    : { functionName: 'executeBatch', args: [...lists, predecessor, salt] }
}
