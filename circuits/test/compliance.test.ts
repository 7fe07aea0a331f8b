import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as snarkjs from 'snarkjs'
import { hexToBigInt, type Address } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  type ComplianceCircuitInput,
  createIssuerKey,
  hashCredential,
  SNARK_SCALAR_FIELD,
  type CredentialAttributes,
  type PolicyRules,
  buildPolicy,
  computeScope,
} from '@proofx/sdk'
import { DEMO_POLICIES } from '@proofx/sdk/demo'
import { REPO_ROOT } from './helpers/compile-for-test.js'
import { circomlib, inMain, inTemplate, rangeCheckFails } from './helpers/failure-frames.js'
import { expectedPublicSignals, inputFor, issuer, NOW, policy, PUBLIC_SIGNALS, repacked, signed, validAttributes } from './helpers/sample-credential.js'
import { terminateCurves } from './helpers/terminate-curves.js'
import { WitnessTester, type FailureFrame } from './helpers/witness-tester.js'

const P = SNARK_SCALAR_FIELD
/** The BabyJubJub subgroup order: EdDSA's S must stay below it. */
const SUBGROUP_ORDER = 2736030358979909402780800718157159386076813972158567259200215660948447373041n
const impostor = createIssuerKey('0x696d706f73746f72206b6579206e6f7420726567697374657265642068657265')
const otherSubject: Address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC'
const retail = buildPolicy(DEMO_POLICIES.retail)
/** The accredited policy's validity period (30 days), in seconds. */
const VALIDITY = BigInt(DEMO_POLICIES.accredited.validityPeriod)

let circuit: WitnessTester<ComplianceCircuitInput>

beforeAll(async () => {
  circuit = await WitnessTester.compile<ComplianceCircuitInput>('circuits/compliance.circom')
})

afterAll(async () => {
  await circuit?.remove()
  await terminateCurves()
})

/** The witness must fail on the assertion `expected[0]`, reached from `expected.at(-1)` in the main template. */
async function expectRejected(input: ComplianceCircuitInput, expected: FailureFrame[]): Promise<void> {
  const { stack, message } = await circuit.failure(input)
  expect(stack[0], message).toEqual(expected[0])
  expect(stack.at(-1), message).toEqual(expected.at(-1))
}

/** Input for a credential whose signature was made over `validAttributes` but which now claims other attributes. */
function tampered(overrides: Partial<CredentialAttributes>): ComplianceCircuitInput {
  const original = signed()
  return inputFor({ ...original, attributes: { ...original.attributes, ...overrides } })
}

const signatureRejected = [circomlib.signatureMismatch(), inMain('signal computedIssuerKeyHash <== IssuerSignature()')]

describe('compliance.circom witnesses (compiled from the current source)', () => {
  test('a valid credential satisfies every constraint, and its signals equal what the SDK computes', async () => {
    const credential = signed()
    const witness = await circuit.calculate(inputFor(credential))
    expect(witness.signals(PUBLIC_SIGNALS.map((s) => `main.${s}`))).toEqual(expectedPublicSignals(credential))
    expect(witness.signal('main.credentialHash')).toBe(hashCredential(credential.attributes))
    expect(witness.signal('main.subject')).toBe(hexToBigInt(validAttributes.subject))
    expect(witness.signal('main.now')).toBe(NOW)
    expect(await circuit.satisfiesR1cs(inputFor(credential))).toBe(true)
  })

  test('the R1CS itself rejects that witness once one signal is changed after calculation', async () => {
    // Independent of the calculator's own assertions: a prover who writes the witness by hand is held by the constraints.
    // Rewriting the witness unchanged keeps it valid, so the rewrite itself is faithful.
    expect(await circuit.satisfiesR1cs(inputFor(signed()), () => {})).toBe(true)
    const satisfied = await circuit.satisfiesR1cs(inputFor(signed()), (values, indexOf) => {
      values[indexOf('main.credentialHash')]! += 1n
    })
    expect(satisfied).toBe(false)
  })

  test('public signals come first in the witness, in the documented order', () => {
    expect(PUBLIC_SIGNALS.map((s) => circuit.symbols.get(`main.${s}`))).toEqual([1, 2, 3, 4])
  })

  test.each<[string, () => ComplianceCircuitInput]>([
    ['now == issuedAt (first valid second)', () => inputFor(signed(), { now: validAttributes.issuedAt })],
    // The record a proof at `now` makes ends at now + validityPeriod: the latest `now` is the one where both end together.
    ['now == expiresAt - validityPeriod (the credential ends with the record)', () => inputFor(signed(), { now: validAttributes.expiresAt - VALIDITY })],
    ['net capital == minNetCapital', () => inputFor(signed({ assets: 600_000n, liabilities: 100_000n }))],
    ['assets == liabilities under a zero minimum', () => inputFor(signed({ assets: 7n, liabilities: 7n }), { policy: retail })],
    ['kycLevel == minKycLevel and riskScore == maxRiskScore', () => inputFor(signed({ kycLevel: 2, riskScore: 40 }))],
    ['the largest uint64 amounts', () => inputFor(signed({ assets: 2n ** 64n - 1n, liabilities: 2n ** 63n }))],
    ['the largest 40-bit expiry', () => inputFor(signed({ expiresAt: 2n ** 40n - 1n }))],
    [
      'the largest 40-bit expiry with the largest uint32 validity at the latest now',
      () => {
        const policy = buildPolicy({ ...DEMO_POLICIES.accredited, validityPeriod: 2 ** 32 - 1 })
        return inputFor(signed({ expiresAt: 2n ** 40n - 1n }), { policy, now: 2n ** 40n - 2n ** 32n })
      },
    ],
    ['the first jurisdiction of the tree', () => inputFor(signed({ jurisdiction: 40 }))],
    ['the last jurisdiction of the tree', () => inputFor(signed({ jurisdiction: 840 }))],
  ])('accepts the boundary: %s', async (_, input) => {
    await expect(circuit.calculate(input())).resolves.toBeDefined()
  })

  describe('signature and issuer', () => {
    test('rejects a forged signature (S changed)', async () => {
      const input = inputFor(signed())
      await expectRejected({ ...input, sigS: (input.sigS as bigint) + 1n }, signatureRejected)
    })

    test('rejects a forged signature (R8 changed)', async () => {
      const input = inputFor(signed())
      await expectRejected({ ...input, sigR8x: input.issuerAx as bigint, sigR8y: input.issuerAy as bigint }, signatureRejected)
    })

    test('rejects a signature by another key presented under the trusted issuer key', async () => {
      const forged = signed({}, impostor)
      await expectRejected(inputFor({ ...forged, issuerPublicKey: issuer.publicKey }), signatureRejected)
    })

    test('rejects a malleated signature (S + subgroup order)', async () => {
      const input = inputFor(signed())
      await expectRejected({ ...input, sigS: (input.sigS as bigint) + SUBGROUP_ORDER }, [
        circomlib.signatureScalarTooLarge(),
        inMain('signal computedIssuerKeyHash <== IssuerSignature()'),
      ])
    })

    test('rejects a valid signature by an issuer other than issuerKeyHash', async () => {
      const input = inputFor(signed({}, impostor))
      await expectRejected({ ...input, issuerKeyHash: issuer.keyHash }, [inMain('computedIssuerKeyHash === issuerKeyHash')])
    })
  })

  describe('tampered attributes: the signature no longer matches', () => {
    test.each<[keyof CredentialAttributes, CredentialAttributes[keyof CredentialAttributes]]>([
      ['subject', otherSubject],
      ['assets', validAttributes.assets + 1n],
      ['liabilities', validAttributes.liabilities - 1n],
      ['kycLevel', validAttributes.kycLevel + 1],
      ['riskScore', validAttributes.riskScore - 1],
      ['jurisdiction', 250],
      ['issuedAt', validAttributes.issuedAt - 1n],
      ['expiresAt', validAttributes.expiresAt + 1n],
      ['salt', validAttributes.salt + 1n],
    ])('rejects a tampered %s', async (attribute, value) => {
      await expectRejected(tampered({ [attribute]: value }), signatureRejected)
    })

    test('rejects a proof for another subject (context packs a subject other than the signed one)', async () => {
      await expectRejected(repacked(inputFor(signed()), { subject: hexToBigInt(otherSubject) }), signatureRejected)
    })
  })

  describe('record window: issuedAt <= now and now + validityPeriod <= expiresAt', () => {
    const recordOutlivesCredential = [
      inTemplate('RecordWindow', 'record-window.circom', 'validUntilRecordEnd === 1'),
      inMain('window.validityPeriod <== validityPeriod'),
    ]
    const issuedBeforeNow = [inTemplate('RecordWindow', 'record-window.circom', 'issuedBeforeNow === 1'), inMain('window.validityPeriod <== validityPeriod')]
    test('rejects a credential that expires one second before the record would end', async () => {
      await expectRejected(inputFor(signed(), { now: validAttributes.expiresAt - VALIDITY + 1n }), recordOutlivesCredential)
    })
    test('rejects a credential valid at now that expires before the record would end (29 days left, 30-day policy)', async () => {
      await expectRejected(inputFor(signed({ expiresAt: NOW + 29n * 86_400n })), recordOutlivesCredential)
    })
    test('rejects an expired credential (now == expiresAt)', async () => {
      await expectRejected(inputFor(signed(), { now: validAttributes.expiresAt }), recordOutlivesCredential)
    })
    test('rejects an expired credential (now > expiresAt)', async () => {
      await expectRejected(inputFor(signed(), { now: validAttributes.expiresAt + 86_400n }), recordOutlivesCredential)
    })
    test('rejects a credential that is not yet valid (now == issuedAt - 1)', async () => {
      await expectRejected(inputFor(signed(), { now: validAttributes.issuedAt - 1n }), issuedBeforeNow)
    })
    test('rejects a shorter private validityPeriod than the one committed in policyHash (to pass a short-lived credential)', async () => {
      // The credential lasts 10 days; the prover claims a 10-day validity but the registered policy commits to 30.
      const input = inputFor(signed({ expiresAt: NOW + 10n * 86_400n }), { policy: buildPolicy({ ...DEMO_POLICIES.accredited, validityPeriod: 10 * 86_400 }) })
      await expectRejected({ ...input, policyHash: policy.hash }, [inMain('computedPolicyHash === policyHash')])
    })
  })

  describe('policy rules', () => {
    const rule = (text: string) => [inTemplate('PolicyCheck', 'policy-check.circom', text), inMain('policyCheck.maxRiskScore <== maxRiskScore')]
    test('rejects net capital one unit below the threshold', async () => {
      await expectRejected(inputFor(signed({ assets: 600_000n, liabilities: 100_001n })), rule('enoughCapital === 1'))
    })
    test('rejects liabilities above assets (under a zero minimum)', async () => {
      await expectRejected(inputFor(signed({ assets: 100n, liabilities: 101n }), { policy: retail }), rule('enoughCapital === 1'))
    })
    test('rejects a kycLevel below the minimum', async () => {
      await expectRejected(inputFor(signed({ kycLevel: 1 })), rule('enoughKyc === 1'))
    })
    test('rejects a riskScore above the maximum', async () => {
      await expectRejected(inputFor(signed({ riskScore: 41 })), rule('lowEnoughRisk === 1'))
    })
    test('rejects a jurisdiction outside the tree', async () => {
      const membership = inTemplate('JurisdictionMembership', 'jurisdiction-membership.circom', 'computedRoot === root')
      await expectRejected(inputFor(signed({ jurisdiction: 4 })), [membership, inMain('membership.siblings <== jurisdictionSiblings')])
    })
    test('rejects a jurisdiction proof deeper than 8 levels', async () => {
      const input = inputFor(signed())
      const depthCheck = inTemplate('JurisdictionMembership', 'jurisdiction-membership.circom', 'depthInRange === 1')
      await expectRejected({ ...input, jurisdictionDepth: 9n }, [depthCheck, inMain('membership.siblings <== jurisdictionSiblings')])
      await expectRejected({ ...input, jurisdictionDepth: 16n }, [circomlib.doesNotFitBits(), inMain('membership.siblings <== jurisdictionSiblings')])
    })
  })

  describe('commitments', () => {
    const policyMismatch = [inMain('computedPolicyHash === policyHash')]
    test('rejects a policyHash of another policy', async () => {
      await expectRejected({ ...inputFor(signed()), policyHash: retail.hash }, policyMismatch)
    })
    test('rejects a validityPeriod other than the one committed in policyHash', async () => {
      await expectRejected({ ...inputFor(signed()), validityPeriod: VALIDITY * 2n }, policyMismatch)
    })
    test('rejects a policyHash that commits another validityPeriod (the same rules for 60 days)', async () => {
      const sixtyDays = buildPolicy({ ...DEMO_POLICIES.accredited, validityPeriod: 60 * 86_400 })
      await expectRejected({ ...inputFor(signed()), policyHash: sixtyDays.hash }, policyMismatch)
    })
    test('rejects the circuit v1 policyHash of the same rules', async () => {
      await expectRejected({ ...inputFor(signed()), policyHash: buildPolicy(DEMO_POLICIES.accredited, 1).hash }, policyMismatch)
    })
    test('rejects scores moved between the packed halves (minKycLevel + 2^8, maxRiskScore - 1 pack to the same input)', async () => {
      // minKycLevel + maxRiskScore * 2^8 is only injective on 8-bit scores: the range check stops the carry.
      const input = inputFor(signed())
      await expectRejected(
        { ...input, minKycLevel: (input.minKycLevel as bigint) + 256n, maxRiskScore: (input.maxRiskScore as bigint) - 1n },
        rangeCheckFails('minKycLevelRange.in <== minKycLevel'),
      )
    })
    test('rejects private policy rules that differ from the committed policyHash', async () => {
      await expectRejected({ ...inputFor(signed({ assets: 200_000n })), minNetCapital: 0n }, policyMismatch)
    })
    test('rejects a wrong nullifier', async () => {
      const input = inputFor(signed())
      await expectRejected({ ...input, nullifier: (input.nullifier as bigint) + 1n }, [inMain('computedNullifier === nullifier')])
    })
    test('rejects a nullifier made for another scope (chain or contract)', async () => {
      const input = inputFor(signed())
      const otherScope = computeScope(1, '0x5FbDB2315678afecb367f032d93F642f64180aa3')
      await expectRejected(repacked(input, { scopeTag: otherScope }), [inMain('computedNullifier === nullifier')])
    })
  })

  describe('context = subject + now * 2^160 + scopeTag * 2^200', () => {
    const contextMismatch = [inMain('context === subject + now * (1 << 160) + scopeTag * (1 << 200)')]
    // Each time the public context was packed from other values than the private ones the proof is about.
    test('rejects a context with another subject', async () => {
      const input = inputFor(signed())
      await expectRejected({ ...input, context: repacked(input, { subject: hexToBigInt(otherSubject) }).context }, contextMismatch)
    })
    test('rejects a context with another now', async () => {
      const input = inputFor(signed())
      await expectRejected({ ...input, context: repacked(input, { now: NOW + 1n }).context }, contextMismatch)
    })
    test('rejects a context with another scopeTag (other chain or verifier)', async () => {
      const input = inputFor(signed())
      const otherScope = computeScope(1, '0x5FbDB2315678afecb367f032d93F642f64180aa3')
      await expectRejected({ ...input, context: repacked(input, { scopeTag: otherScope }).context }, contextMismatch)
    })
    test('rejects another subject packed into the same context, the scopeTag absorbing the difference', async () => {
      // Without the 53-bit range check, scopeTag' = (context - subject' - now * 2^160) / 2^200 in the field would
      // satisfy the packing equation for any subject'. The range check makes the packing injective.
      const input = inputFor(signed({ subject: otherSubject }))
      const context = inputFor(signed()).context as bigint
      const inverse = (x: bigint) => {
        let [a, b, e] = [x % P, P - 2n, 1n]
        for (; b > 0n; b >>= 1n, a = (a * a) % P) if (b & 1n) e = (e * a) % P
        return e
      }
      const scopeTag = (((((context - (input.subject as bigint) - NOW * 2n ** 160n) % P) + P) % P) * inverse(2n ** 200n)) % P
      expect(scopeTag >= 2n ** 53n).toBe(true)
      expect(repacked(input, { scopeTag }).context).toBe(context)
      await expectRejected({ ...input, scopeTag, context }, rangeCheckFails('scopeTagRange.in <== scopeTag'))
    })
  })

  describe('out-of-range values are rejected by the range checks, before any comparison', () => {
    // Every credential here is properly signed, so the range check is the only rule that can stop it.
    const withSigned = (overrides: Partial<CredentialAttributes>) => () => inputFor(signed(overrides))
    test.each<[string, () => ComplianceCircuitInput, string]>([
      ['assets = 2^64', withSigned({ assets: 2n ** 64n, liabilities: 0n }), 'assetsRange.in <== assets'],
      ['liabilities = 2^64', withSigned({ assets: 2n ** 64n - 1n, liabilities: 2n ** 64n }), 'liabilitiesRange.in <== liabilities'],
      ['liabilities = -1 (p - 1), which would otherwise add to net capital', withSigned({ liabilities: P - 1n }), 'liabilitiesRange.in <== liabilities'],
      ['assets = p - 1', withSigned({ assets: P - 1n }), 'assetsRange.in <== assets'],
      ['kycLevel = 256', withSigned({ kycLevel: 256 }), 'kycLevelRange.in <== kycLevel'],
      ['riskScore = 256', withSigned({ riskScore: 256 }), 'riskScoreRange.in <== riskScore'],
      // The SDK types riskScore as a number, so -1 cannot be signed; the range check runs before the signature anyway.
      [
        'riskScore = -1 (p - 1), which would otherwise compare as low risk',
        () => ({ ...inputFor(signed()), riskScore: P - 1n }),
        'riskScoreRange.in <== riskScore',
      ],
      ['jurisdiction = 1024', withSigned({ jurisdiction: 1024 }), 'jurisdictionRange.in <== jurisdiction'],
      ['issuedAt = 2^40', withSigned({ issuedAt: 2n ** 40n }), 'issuedAtRange.in <== issuedAt'],
      ['expiresAt = 2^40', withSigned({ expiresAt: 2n ** 40n }), 'expiresAtRange.in <== expiresAt'],
      ['subject = 2^160', withSigned({ subject: `0x1${'0'.repeat(40)}` as Address }), 'subjectRange.in <== subject'],
      ['now = 2^40', () => inputFor(signed(), { now: 2n ** 40n }), 'nowRange.in <== now'],
      ['scopeTag = 2^53', () => inputFor(signed(), { scope: 2n ** 53n }), 'scopeTagRange.in <== scopeTag'],
      ['scopeTag = -1 (p - 1)', () => inputFor(signed(), { scope: P - 1n }), 'scopeTagRange.in <== scopeTag'],
      ['validityPeriod = 2^32', () => ({ ...inputFor(signed()), validityPeriod: 2n ** 32n }), 'validityPeriodRange.in <== validityPeriod'],
      [
        'validityPeriod = -1 (p - 1), which would otherwise shorten the record',
        () => ({ ...inputFor(signed()), validityPeriod: P - 1n }),
        'validityPeriodRange.in <== validityPeriod',
      ],
    ])('rejects %s', async (_, input, assignment) => {
      await expectRejected(input(), rangeCheckFails(assignment))
    })

    test.each<[string, Partial<PolicyRules>, string]>([
      ['minNetCapital = 2^64', { minNetCapital: 2n ** 64n }, 'minNetCapitalRange.in <== minNetCapital'],
      ['minNetCapital = -1 (p - 1)', { minNetCapital: P - 1n }, 'minNetCapitalRange.in <== minNetCapital'],
      ['minKycLevel = 256', { minKycLevel: 256 }, 'minKycLevelRange.in <== minKycLevel'],
      ['maxRiskScore = 256', { maxRiskScore: 256 }, 'maxRiskScoreRange.in <== maxRiskScore'],
    ])('rejects a policy with %s', async (_, overrides, assignment) => {
      const outOfRange = buildPolicy({ ...DEMO_POLICIES.accredited, ...overrides })
      await expectRejected(inputFor(signed(), { policy: outOfRange }), rangeCheckFails(assignment))
    })
  })
})

describe('a real proof with the committed artifacts', () => {
  const artifacts = join(REPO_ROOT, 'circuits/artifacts')
  let proof: snarkjs.Groth16Proof
  let publicSignals: string[]
  let vkey: unknown
  const credential = signed()

  beforeAll(async () => {
    vkey = JSON.parse(await readFile(join(artifacts, 'verification_key.json'), 'utf8'))
    ;({ proof, publicSignals } = await snarkjs.groth16.fullProve(inputFor(credential), join(artifacts, 'compliance.wasm'), join(artifacts, 'compliance.zkey')))
  })

  test('proves and verifies, with the public signals the SDK computes in the documented order', async () => {
    expect(publicSignals).toEqual(expectedPublicSignals(credential).map(String))
    expect(await snarkjs.groth16.verify(vkey, publicSignals, proof)).toBe(true)
  })

  test.each(PUBLIC_SIGNALS.map((name, index) => [name, index] as const))('fails verification once %s is altered after proving', async (_, index) => {
    const altered = publicSignals.map((s, i) => (i === index ? String(BigInt(s) + 1n) : s))
    expect(await snarkjs.groth16.verify(vkey, altered, proof)).toBe(false)
  })

  test('fails verification with the proof of another valid credential swapped in', async () => {
    const other = await snarkjs.groth16.fullProve(inputFor(signed({ salt: 42n })), join(artifacts, 'compliance.wasm'), join(artifacts, 'compliance.zkey'))
    expect(await snarkjs.groth16.verify(vkey, publicSignals, other.proof)).toBe(false)
    expect(await snarkjs.groth16.verify(vkey, other.publicSignals, other.proof)).toBe(true)
  })
})
