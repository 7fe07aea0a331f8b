import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { createElement, type ReactNode } from 'react'
import { afterAll, describe, expect, test } from 'vitest'
import { DEMO_POLICIES } from '../../demo/demo-policies.js'
import { createProver } from '../../prover/create-prover.js'
import { ProofXProvider } from '../context.js'
import { createProofXConfig } from '../../config/create-proofx-config.js'
import type { Address } from 'viem'
import type { ArtifactSources } from '../../artifacts/types.js'
import { computeScope } from '../../credentials/compute-scope.js'
import { randomSalt } from '../../credentials/random-salt.js'
import { signCredential } from '../../credentials/sign-credential.js'
import type { SignedCredential } from '../../credentials/types.js'
import { demoIssuer } from '../../demo/demo-issuer.js'
import type { ProveProgress } from '../../query/prove.js'
import { useProve } from './useProve.js'

// Vitest's browser mode serves the repository root, so the committed artifacts load over HTTP like a dApp's.
const artifact = (name: string) => new URL(`/circuits/artifacts/${name}`, location.origin).href

/** The committed circuit artifacts, checked against their manifest like any download. */
const committedArtifacts = (): ArtifactSources => ({
  wasm: artifact('compliance.wasm'),
  zkey: artifact('compliance.zkey'),
  vkey: artifact('verification_key.json'),
  manifest: artifact('manifest.json'),
})

/** A credential from the demo issuer with the given net capital (assets - 100,000 liabilities). */
function demoCredential(subject: Address, { netCapital = 900_000n, expiresIn = 365 * 86_400 } = {}): SignedCredential {
  const now = BigInt(Math.floor(Date.now() / 1000))
  return signCredential(demoIssuer(), {
    subject,
    assets: netCapital + 100_000n,
    liabilities: 100_000n,
    kycLevel: 2,
    riskScore: 20,
    jurisdiction: 276,
    issuedAt: now - 3_600n,
    expiresAt: now + BigInt(expiresIn),
    salt: randomSalt(),
  })
}

const subject = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const verifier = '0x5FbDB2315678afecb367f032d93F642f64180aa3'
// A real prover (worker thread + snarkjs) with the committed artifacts: the hook is tested with what users run.
const prover = createProver({ artifacts: committedArtifacts() })
const config = createProofXConfig({ prover, verifiers: { 31337: verifier } })

function wrapper({ children }: { children: ReactNode }) {
  return createElement(QueryClientProvider, { client: new QueryClient() }, createElement(ProofXProvider, { config }, children))
}

afterAll(() => prover.dispose())

// A mutation goes pending on the next tick: wait for that, then for it to settle.
async function settled(result: { current: ReturnType<typeof useProve> }) {
  await waitFor(() => expect(result.current.isPending).toBe(true))
  await waitFor(() => expect(result.current.isPending).toBe(false), { timeout: 90_000 })
}

describe('useProve', () => {
  test('proves with progress through every stage and per-stage timings', async () => {
    const stages: ProveProgress['stage'][] = []
    const { result } = renderHook(
      () => {
        const hook = useProve()
        if (hook.progress && stages.at(-1) !== hook.progress.stage) stages.push(hook.progress.stage)
        return hook
      },
      { wrapper },
    )

    act(() => result.current.prove({ credential: demoCredential(subject), policy: DEMO_POLICIES.accredited, subject, chainId: 31337 }))
    await settled(result)
    expect(result.current.error).toBeNull()
    const data = result.current.data!
    expect(data.publicSignals).toHaveLength(4)
    expect(data.signals.subject).toBe(BigInt(subject))
    // The scope tag binds the proof to chain 31337 and the verifier the config names for it.
    expect(data.signals.scope).toBe(computeScope(31337, verifier))
    expect(data.timings.prove).toBeGreaterThan(0)
    expect(data.timings.total).toBeGreaterThanOrEqual(data.timings.prove)
    expect(stages[0]).toBe('validating')
    expect(stages).toContain('witness')
    expect(stages).toContain('proving')
  })

  test('refuses a below-threshold credential before any worker work, with the typed error', async () => {
    const { result } = renderHook(() => useProve(), { wrapper })
    act(() =>
      result.current.prove({ credential: demoCredential(subject, { netCapital: 200_000n }), policy: DEMO_POLICIES.accredited, subject, chainId: 31337 }),
    )
    await waitFor(() => expect(result.current.isError).toBe(true))
    expect(result.current.error?.name).toBe('InsufficientNetCapitalError')
    expect(result.current.error?.message).toMatch(/Net capital 200000 is below the policy's 500000/)
    expect(result.current.progress?.stage).toBe('validating')
  })

  test('cancel() ends the running proof with ProofCancelledError and the next proof still works', async () => {
    const { result } = renderHook(() => useProve(), { wrapper })
    act(() => result.current.prove({ credential: demoCredential(subject), policy: DEMO_POLICIES.retail, subject, chainId: 31337 }))
    await waitFor(() => expect(result.current.progress?.stage).not.toBe('validating'))
    act(() => result.current.cancel())
    await settled(result)
    expect(result.current.error?.name).toBe('ProofCancelledError')

    act(() => result.current.prove({ credential: demoCredential(subject), policy: DEMO_POLICIES.retail, subject, chainId: 31337 }))
    await settled(result)
    expect(result.current.error).toBeNull()
    expect(result.current.data?.publicSignals).toHaveLength(4)
  })

  test('names the missing verifier when the config has none for the chain', async () => {
    const { result } = renderHook(() => useProve(), { wrapper })
    act(() => result.current.prove({ credential: demoCredential(subject), policy: DEMO_POLICIES.retail, subject, chainId: 80002 }))
    await waitFor(() => expect(result.current.isError).toBe(true))
    expect(result.current.error?.name).toBe('VerifierAddressNotFoundError')
  })
})
