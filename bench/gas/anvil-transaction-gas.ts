// What a submitProof transaction really costs: receipts from a real anvil chain (ProofXVerifier behind its
// proxy, deployed by deployLocal), for fresh proofs bound to that deployment, by the subject and by a signer,
// new records and renewals. The "below 285,000 gas in total" target is judged on these receipts.
import { createPublicClient, createWalletClient, encodeFunctionData, http, type LocalAccount } from 'viem'
import { foundry } from 'viem/chains'
import { ANVIL_PRIVATE_KEY_0, deployLocal, startAnvil } from '@proofx/test-helpers/anvil'
import { groth16VerifierAbi, proofXVerifierAbi, computeScope, buildPolicy } from '@proofx/sdk'
import { DEMO_POLICIES } from '@proofx/sdk/demo'
import { localAccounts } from '@proofx/test-helpers/local-accounts'
import { proveGasBenchProof } from './prove-gas-bench-proof.js'

// anvil's funded dev accounts: the subject sends its own proofs; the relayer holds SIGNER_ROLE and sends the stranger's.
const { subject, relayer: signer, stranger: otherSubject } = localAccounts

export type TransactionGas = { label: string; gasUsed: number; intrinsic: number }
export type AnvilGasResult = {
  transactions: TransactionGas[]
  /** Bare Groth16Verifier.verifyProof of the first proof, sent as a transaction (receipt gasUsed, 21,000 + calldata included). */
  bareVerifyTransaction: number
}

export async function measureAnvilTransactionGas(): Promise<AnvilGasResult> {
  const anvil = await startAnvil()
  try {
    const deployment = await deployLocal({ rpcUrl: anvil.rpcUrl, privateKey: ANVIL_PRIVATE_KEY_0, signer: signer.address, writeDeploymentFile: false })
    const client = createPublicClient({ chain: foundry, transport: http(anvil.rpcUrl) })
    const policy = buildPolicy(DEMO_POLICIES.accredited)
    const scope = computeScope(anvil.chainId, deployment.proxy)
    const transactions: TransactionGas[] = []
    let bareVerifyTransaction = NaN

    async function submit(sender: LocalAccount, forSubject: `0x${string}`, label: string) {
      const now = (await client.getBlock()).timestamp
      const { proof, publicSignals } = await proveGasBenchProof({ subject: forSubject, policy, now, scope, salt: 12345n })
      const wallet = createWalletClient({ account: sender, chain: foundry, transport: http(anvil.rpcUrl) })
      const hash = await wallet.writeContract({
        address: deployment.proxy,
        abi: proofXVerifierAbi,
        functionName: 'submitProof',
        args: [policy.policyId, forSubject, proof],
      })
      const receipt = await client.waitForTransactionReceipt({ hash })
      const compliant = await client.readContract({
        address: deployment.proxy,
        abi: proofXVerifierAbi,
        functionName: 'isCompliant',
        args: [forSubject, policy.policyId],
      })
      if (receipt.status !== 'success' || !compliant) throw new Error(`${label}: the submission did not make the subject compliant (status ${receipt.status})`)
      const input = Buffer.from((await client.getTransaction({ hash })).input.slice(2), 'hex')
      transactions.push({ label, gasUsed: Number(receipt.gasUsed), intrinsic: 21_000 + input.reduce((gas, byte) => gas + (byte === 0 ? 4 : 16), 0) })
      if (Number.isNaN(bareVerifyTransaction)) {
        // Sent as a transaction with an explicit limit: eth_estimateGas would settle on the early `false` the
        // generated verifier returns when a precompile runs out of gas.
        const args = [proof.a, proof.b, proof.c, publicSignals] as const
        const data = encodeFunctionData({ abi: groth16VerifierAbi, functionName: 'verifyProof', args: args as never })
        const answer = await client.call({ to: deployment.groth16Verifier, data, gas: 1_000_000n })
        if (answer.data === undefined || BigInt(answer.data) !== 1n) throw new Error('the bare verifier rejected the proof')
        const bareHash = await wallet.sendTransaction({ to: deployment.groth16Verifier, data, gas: 1_000_000n })
        bareVerifyTransaction = Number((await client.waitForTransactionReceipt({ hash: bareHash })).gasUsed)
      }
    }

    await submit(subject, subject.address, 'subject, new record')
    await submit(signer, otherSubject.address, 'signer, new record')
    await client.request({ method: 'evm_increaseTime' as never, params: [3600] as never })
    await client.request({ method: 'evm_mine' as never, params: [] as never })
    await submit(subject, subject.address, 'subject, renewal')
    await submit(signer, otherSubject.address, 'signer, renewal')
    return { transactions, bareVerifyTransaction }
  } finally {
    await anvil.stop()
  }
}
