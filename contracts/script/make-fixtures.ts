// Generates contracts/test/fixtures/proofs.json and batch-proofs.json: real Groth16 proofs from the committed circuit
// artifacts, for the Foundry tests. Run from the repo root: `node --conditions=@proofx/source --import tsx contracts/script/make-fixtures.ts`
// (`--only batch` or `--only single` writes one of the two files).
// Proofs are scoped to chain 31337 and FIXTURE_VERIFIER, the address the test base deploys the ERC-1967 proxy at.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as snarkjs from 'snarkjs'
import { getAddress, hexToBigInt, keccak256, toHex, type Address, type Hex } from 'viem'
import {
  hashVerificationKey,
  type VerificationKey,
  buildCircuitInput,
  computeNullifier,
  computeScope,
  createIssuerKey,
  publicSignalIndex,
  unpackContext,
  signCredential,
  type CredentialAttributes,
  type IssuerKey,
  buildPolicy,
  type Policy,
} from '@proofx/sdk'
import { demoIssuer, DEMO_POLICIES } from '@proofx/sdk/demo'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const WASM = resolve(root, 'circuits/artifacts/compliance.wasm')
const ZKEY = resolve(root, 'circuits/artifacts/compliance.zkey')
const VKEY = resolve(root, 'circuits/artifacts/verification_key.json')
const OUT = resolve(root, 'contracts/test/fixtures/proofs.json')
const BATCH_OUT = resolve(root, 'contracts/test/fixtures/batch-proofs.json')
/** Entries in batch-proofs.json: the largest batch the tests submit. */
const BATCH_SIZE = 32
/** Field order of each batch entry (one uint256 array per proof, so forge reads an entry with one readUintArray). */
const BATCH_FIELDS = ['policyId', 'subject', 'issuerKeyHash', 'nullifier', 'timestamp', 'a0', 'a1', 'b00', 'b01', 'b10', 'b11', 'c0', 'c1'] as const

/** Must match `FIXTURE_VERIFIER` in contracts/test/utils/Base.t.sol. */
export const FIXTURE_VERIFIER: Address = '0x70726f6F66780000000000000000000000000001'
export const FIXTURE_CHAIN_ID = 31337n
/** The block time the tests warp to (2026-05-28); proofs are made for it unless stated. */
export const FIXTURE_NOW = 1_780_000_000n
const DAY = 86_400n

/** Anvil accounts #1 and #2, so the same subjects work in the deploy-script checks. */
const ALICE: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const BOB: Address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC'
/** A second, untrusted issuer (fixed key so the fixture stays stable). */
const OTHER_ISSUER_PRIVATE_KEY: Hex = '0x50726f6f66582074657374206f74686572206973737565722e206e6f74207573'

type FixtureProof = {
  policyId: string
  subject: Address
  issuerKeyHash: string
  nullifier: string
  timestamp: string
  a: [string, string]
  b: [[string, string], [string, string]]
  c: [string, string]
  publicSignals: string[]
}

function credentialFor(subject: Address, salt: bigint, expiresAt = FIXTURE_NOW + 365n * DAY): CredentialAttributes {
  return {
    subject,
    assets: 2_000_000n,
    liabilities: 250_000n,
    kycLevel: 3,
    riskScore: 15,
    jurisdiction: 276,
    issuedAt: FIXTURE_NOW - 30n * DAY,
    expiresAt,
    salt,
  }
}

async function prove(parameters: { issuer: IssuerKey; attributes: CredentialAttributes; policy: Policy; now: bigint; chainId: bigint }): Promise<FixtureProof> {
  const scope = computeScope(parameters.chainId, FIXTURE_VERIFIER)
  const credential = signCredential(parameters.issuer, parameters.attributes)
  const input = buildCircuitInput({ credential, policy: parameters.policy, now: parameters.now, scope })
  const { proof, publicSignals } = await snarkjs.groth16.fullProve(input, WASM, ZKEY)
  // exportSolidityCallData prints `[a],[b],[c],[signals]` with B's coordinates already swapped for the precompile.
  const calldata = await snarkjs.groth16.exportSolidityCallData(proof, publicSignals)
  const [a, b, c, signals] = JSON.parse(`[${calldata}]`) as [string[], string[][], string[], string[]]
  const decimal = (hex: string) => BigInt(hex).toString()
  if (BigInt(signals[publicSignalIndex.nullifier]!) !== computeNullifier(parameters.attributes, scope)) throw new Error('nullifier mismatch')
  const context = unpackContext(BigInt(signals[publicSignalIndex.context]!))
  if (context.scopeTag !== scope || context.now !== parameters.now || context.subject !== hexToBigInt(parameters.attributes.subject))
    throw new Error('context mismatch')
  return {
    policyId: parameters.policy.policyId.toString(),
    subject: parameters.attributes.subject,
    issuerKeyHash: decimal(signals[publicSignalIndex.issuerKeyHash]!),
    nullifier: decimal(signals[publicSignalIndex.nullifier]!),
    timestamp: context.now.toString(),
    a: [decimal(a[0]!), decimal(a[1]!)],
    b: [
      [decimal(b[0]![0]!), decimal(b[0]![1]!)],
      [decimal(b[1]![0]!), decimal(b[1]![1]!)],
    ],
    c: [decimal(c[0]!), decimal(c[1]!)],
    publicSignals: signals.map(decimal),
  }
}

/** BATCH_SIZE subjects, each with its own credential; every fourth under the retail policy, the others accredited. */
async function writeBatchFixtures() {
  const accredited = buildPolicy(DEMO_POLICIES.accredited)
  const retail = buildPolicy(DEMO_POLICIES.retail)
  const entries: string[][] = []
  for (let i = 0; i < BATCH_SIZE; i++) {
    const subject = getAddress(`0x${keccak256(toHex(`proofx batch subject ${i}`)).slice(26)}`)
    const proof = await prove({
      issuer: demoIssuer(),
      policy: i % 4 === 3 ? retail : accredited,
      now: FIXTURE_NOW,
      chainId: FIXTURE_CHAIN_ID,
      attributes: credentialFor(subject, 0xba7c4n + BigInt(i)),
    })
    const values: Record<(typeof BATCH_FIELDS)[number], string> = {
      policyId: proof.policyId,
      subject: hexToBigInt(subject).toString(),
      issuerKeyHash: proof.issuerKeyHash,
      nullifier: proof.nullifier,
      timestamp: proof.timestamp,
      a0: proof.a[0],
      a1: proof.a[1],
      b00: proof.b[0][0],
      b01: proof.b[0][1],
      b10: proof.b[1][0],
      b11: proof.b[1][1],
      c0: proof.c[0],
      c1: proof.c[1],
    }
    entries.push(BATCH_FIELDS.map((field) => values[field]))
  }
  const fixture = {
    comment: 'Generated by contracts/script/make-fixtures.ts from circuits/artifacts; do not edit.',
    chainId: Number(FIXTURE_CHAIN_ID),
    verifier: FIXTURE_VERIFIER,
    now: Number(FIXTURE_NOW),
    fields: BATCH_FIELDS,
    entries,
  }
  writeFileSync(BATCH_OUT, `${JSON.stringify(fixture, null, 2)}\n`)
  console.log(`wrote ${entries.length} proofs to ${BATCH_OUT}`)
}

async function main() {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined
  if (only !== undefined && only !== 'single' && only !== 'batch') throw new Error(`--only: expected "single" or "batch", got ${only}`)
  if (only !== 'single') await writeBatchFixtures()
  if (only !== 'batch') await writeSingleFixtures()
}

async function writeSingleFixtures() {
  const issuer = demoIssuer()
  const otherIssuer = createIssuerKey(OTHER_ISSUER_PRIVATE_KEY)
  const accredited = buildPolicy(DEMO_POLICIES.accredited)
  const retail = buildPolicy(DEMO_POLICIES.retail)
  const alice = credentialFor(ALICE, 0x0a11ce5a17n)
  const bob = credentialFor(BOB, 0x0b0b5a17n)
  const vkey = JSON.parse(readFileSync(VKEY, 'utf8')) as VerificationKey

  const common = { issuer, policy: accredited, now: FIXTURE_NOW, chainId: FIXTURE_CHAIN_ID }
  const proofs: Record<string, FixtureProof> = {}
  // Alice, accredited policy, made for FIXTURE_NOW: the main happy path.
  proofs.accredited = await prove({ ...common, attributes: alice })
  // Bob under the same policy: a second subject, a different nullifier.
  proofs.accreditedBob = await prove({ ...common, attributes: bob })
  // Alice under the retail policy: same credential, so the same nullifier as `accredited`.
  proofs.retail = await prove({ ...common, policy: retail, attributes: alice })
  // Alice, accredited, made 2 days before FIXTURE_NOW: too old for a 1-day maximum proof age.
  proofs.accreditedOld = await prove({ ...common, attributes: alice, now: FIXTURE_NOW - 2n * DAY })
  // Alice, accredited, made 10 days after FIXTURE_NOW: a renewal.
  proofs.accreditedRenewal = await prove({ ...common, attributes: alice, now: FIXTURE_NOW + 10n * DAY })
  // Alice's credential signed by an issuer the tests do not trust at first.
  proofs.accreditedOtherIssuer = await prove({ ...common, issuer: otherIssuer, attributes: alice })
  // A valid proof for the same verifier address on chain 1: must not verify on 31337.
  proofs.accreditedChain1 = await prove({ ...common, attributes: alice, chainId: 1n })
  // Bob's credential expires exactly when the record ends (now + the policy's 30 days): the tightest one v2 proves.
  const recordEnd = FIXTURE_NOW + BigInt(accredited.validityPeriod)
  proofs.accreditedCredentialEndsWithRecord = await prove({ ...common, attributes: credentialFor(BOB, 0x0b0b5a18n, recordEnd) })
  // The accredited rules with another validity period: circuit v2 commits it, so this hash is another policy's.
  const accredited60Days = buildPolicy({ ...DEMO_POLICIES.accredited, validityPeriod: 60 * 86_400 })

  const fixture = {
    comment: 'Generated by contracts/script/make-fixtures.ts from circuits/artifacts; do not edit.',
    chainId: Number(FIXTURE_CHAIN_ID),
    verifier: FIXTURE_VERIFIER,
    scope: computeScope(FIXTURE_CHAIN_ID, FIXTURE_VERIFIER).toString(),
    now: Number(FIXTURE_NOW),
    vkeyHash: hashVerificationKey(vkey),
    issuerKeyHash: issuer.keyHash.toString(),
    otherIssuerKeyHash: otherIssuer.keyHash.toString(),
    policies: {
      accredited: { policyId: accredited.policyId.toString(), policyHash: accredited.hash.toString() },
      retail: { policyId: retail.policyId.toString(), policyHash: retail.hash.toString() },
      accredited60Days: { policyId: accredited60Days.policyId.toString(), policyHash: accredited60Days.hash.toString() },
    },
    credentialExpiresAt: { accreditedCredentialEndsWithRecord: recordEnd.toString() },
    proofs,
  }
  mkdirSync(dirname(OUT), { recursive: true })
  writeFileSync(OUT, `${JSON.stringify(fixture, null, 2)}\n`)
  console.log(`wrote ${Object.keys(proofs).length} proofs to ${OUT}`)
}

main().then(
  // snarkjs keeps its worker threads alive; exit explicitly.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
