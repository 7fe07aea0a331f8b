// What submitProofs costs per proof: receipts from a real anvil chain (deployLocal, batch verifier installed) for
// batches of n = 1, 2, 4, 8, 16, 32 fresh proofs of 32 subjects, each batch from the same chain state (evm_snapshot /
// evm_revert, so every record is new), next to submitProof of the same proofs one by one in the same run.
import { createPublicClient, createWalletClient, getAddress, http, keccak256, toHex, type Address, type Hex } from 'viem'
import { foundry } from 'viem/chains'
import { ANVIL_PRIVATE_KEY_0, deployLocal, startAnvil } from '@proofx/test-helpers/anvil'
import { proofXVerifierAbi, type ProofXProof, computeScope, buildPolicy } from '@proofx/sdk'
import { DEMO_POLICIES } from '@proofx/sdk/demo'
import { localAccounts } from '@proofx/test-helpers/local-accounts'
import { proveGasBenchProof } from './prove-gas-bench-proof.js'

export const BATCH_SIZES = [1, 2, 4, 8, 16, 32] as const
/** How many of the proofs are also sent one by one with submitProof, for the reference figure. */
const SINGLES = 4

export type BatchGasRow = { n: number; gasUsed: number; perProof: number }
export type AnvilBatchGasResult = {
  batches: BatchGasRow[]
  /** Mean receipt gasUsed of submitProof (signer, new record) over the first SINGLES proofs, same chain state. */
  singleSubmitProof: number
  /** The issue's targets: gas per proof at n = 8 and n = 32. */
  targets: { n: number; maxPerProof: number }[]
}

export async function measureAnvilBatchGas(log: (line: string) => void = () => {}): Promise<AnvilBatchGasResult> {
  const anvil = await startAnvil()
  try {
    const signer = localAccounts.relayer // holds SIGNER_ROLE: it sends every batch
    const deployment = await deployLocal({ rpcUrl: anvil.rpcUrl, privateKey: ANVIL_PRIVATE_KEY_0, signer: signer.address, writeDeploymentFile: false })
    const client = createPublicClient({ chain: foundry, transport: http(anvil.rpcUrl) })
    const wallet = createWalletClient({ account: signer, chain: foundry, transport: http(anvil.rpcUrl) })
    const batchVerifier = await client.readContract({ address: deployment.proxy, abi: proofXVerifierAbi, functionName: 'batchVerifier' })
    if (!deployment.groth16BatchVerifier || batchVerifier !== getAddress(deployment.groth16BatchVerifier))
      throw new Error(`the deployment did not install its batch verifier (${batchVerifier})`)
    const policy = buildPolicy(DEMO_POLICIES.accredited)
    const scope = computeScope(anvil.chainId, deployment.proxy)
    const now = (await client.getBlock()).timestamp

    const max = BATCH_SIZES[BATCH_SIZES.length - 1]!
    const entries: { policyId: bigint; subject: Address; proof: ProofXProof }[] = []
    for (let i = 0; i < max; i++) {
      const subject = getAddress(`0x${keccak256(toHex(`bench batch subject ${i}`)).slice(26)}`)
      const { proof } = await proveGasBenchProof({ subject, policy, now, scope, salt: 1000n + BigInt(i) })
      entries.push({ policyId: policy.policyId, subject, proof })
      if ((i + 1) % 8 === 0) log(`gas: ${i + 1}/${max} batch proofs made`)
    }

    /** Sends one transaction from a snapshot and reverts to it, so every measurement writes new records. */
    async function fromSnapshot(send: () => Promise<Hex>, check: () => Promise<void>): Promise<number> {
      const snapshot = await client.request({ method: 'evm_snapshot' as never, params: [] as never })
      try {
        const receipt = await client.waitForTransactionReceipt({ hash: await send() })
        if (receipt.status !== 'success') throw new Error(`transaction ${receipt.transactionHash} reverted`)
        await check()
        return Number(receipt.gasUsed)
      } finally {
        await client.request({ method: 'evm_revert' as never, params: [snapshot] as never })
      }
    }
    const assertCompliant = async (subjects: readonly { subject: Address }[]) => {
      for (const { subject } of subjects) {
        if (!(await client.readContract({ address: deployment.proxy, abi: proofXVerifierAbi, functionName: 'isCompliant', args: [subject, policy.policyId] })))
          throw new Error(`${subject} was not recorded`)
      }
    }

    const batches: BatchGasRow[] = []
    for (const n of BATCH_SIZES) {
      const batch = entries.slice(0, n)
      const gasUsed = await fromSnapshot(
        () => wallet.writeContract({ address: deployment.proxy, abi: proofXVerifierAbi, functionName: 'submitProofs', args: [batch] }),
        () => assertCompliant(batch),
      )
      batches.push({ n, gasUsed, perProof: gasUsed / n })
    }
    let singles = 0
    for (const entry of entries.slice(0, SINGLES)) {
      singles += await fromSnapshot(
        () =>
          wallet.writeContract({
            address: deployment.proxy,
            abi: proofXVerifierAbi,
            functionName: 'submitProof',
            args: [entry.policyId, entry.subject, entry.proof],
          }),
        () => assertCompliant([entry]),
      )
    }
    return {
      batches,
      singleSubmitProof: singles / SINGLES,
      targets: [
        { n: 8, maxPerProof: 120_000 },
        { n: 32, maxPerProof: 100_000 },
      ],
    }
  } finally {
    await anvil.stop()
  }
}
