import { readFile } from 'node:fs/promises'
import {
  encodeFunctionData,
  getAddress,
  isAddress,
  isHex,
  type Account,
  type Address,
  type Chain,
  type Client,
  type Hex,
  type StateOverride,
  type Transport,
} from 'viem'
import {
  IMPLEMENTATION_SLOT,
  ProofXError,
  addIssuer,
  closeGates,
  grantSigner,
  hashVerificationKey,
  openGates,
  pause,
  proofXRoles,
  proofXVerifierAbi,
  removeIssuer,
  revokeCredential,
  revokeSigner,
  setBatchVerifier,
  setPolicy,
  setVerifier,
  simulateAddIssuer,
  simulateCloseGates,
  simulateGrantSigner,
  simulateOpenGates,
  simulatePause,
  simulateRemoveIssuer,
  simulateRevokeCredential,
  simulateRevokeSigner,
  simulateSetBatchVerifier,
  simulateSetPolicy,
  simulateSetVerifier,
  simulateUnpause,
  simulateUpgrade,
  unpause,
  upgrade,
  type PolicyDocument,
  type SimulateVerifierReturnType,
  type WriteVerifierReturnType,
} from '@proofx/sdk'
import { checkPoliciesFitDeploymentFile, listPoliciesInDeploymentFile } from '../policy/list-policy-in-deployment.js'
import { readPolicyDocumentFile } from '../policy/read-policy-document.js'
import type { AdminContext } from './run-admin-operation.js'
import { UpgradeValidationUnavailableError, validateUpgrade } from './validate-upgrade.js'

type AnyClient = Client<Transport, Chain | undefined, Account | undefined>

/** Who a call is simulated as (any address: a key, the Safe, the timelock) and what the chain is assumed to hold. */
export type SimulateCallOptions = { address: Address; account: Account | Address; stateOverride?: StateOverride | undefined }

/**
 * One transaction of an operation: a call of an SDK action on the proxy, or a contract deployment. A call carries
 * the action's simulate-only variant (dry runs, and the calldata of a Safe proposal) and the action itself.
 */
export type AdminStep =
  | {
      kind: 'call'
      description: string
      simulate: (client: AnyClient, options: SimulateCallOptions) => Promise<SimulateVerifierReturnType>
      send: (client: AnyClient, options: { address: Address }) => Promise<WriteVerifierReturnType>
    }
  | { kind: 'deploy'; description: string; bytecode: Hex; label: string }

export type AdminCallStep = Extract<AdminStep, { kind: 'call' }>

export type AdminOperation = {
  summary: string
  /** The transactions, in order. `deployed` holds the addresses of earlier deploy steps (by label). */
  steps(params: AdminParams, deployed: Record<string, Address>): Promise<AdminStep[]>
  /** The state the operation changes, read before and after. */
  state(ctx: Pick<AdminContext, 'publicClient' | 'contract'>, params: AdminParams, deployed: Record<string, Address>): Promise<Record<string, unknown>>
  /**
   * What the deployment file (--deployment) lists of this operation, if anything (set-policy: its documents). Reading
   * it checks the file first (a conflict is refused before anything is sent or proposed) and returns the calldata the
   * operation's calls carry (to match a proposal against) and `record`, which `proofx admin` runs only once those calls
   * have run on-chain: sent by the key, or executed by the Safe; never for a proposal merely written, signed or scheduled.
   */
  deploymentFile?: (path: string, params: AdminParams) => Promise<DeploymentFileListing>
}

export type DeploymentFileListing = { calls: Hex[]; record(): Promise<unknown> }

export type AdminParams = Record<string, string | undefined>

export type InvalidAdminArgumentErrorType = InvalidAdminArgumentError & { name: 'InvalidAdminArgumentError' }
export class InvalidAdminArgumentError extends ProofXError {
  override name = 'InvalidAdminArgumentError' as const
  readonly field: string
  readonly rule: string
  constructor({ field, rule }: { field: string; rule: string }) {
    super(`--${field} ${rule}.`)
    this.field = field
    this.rule = rule
  }
}

const address = (p: AdminParams, field: string): Address => {
  const v = p[field]
  if (!v || !isAddress(v, { strict: false })) throw new InvalidAdminArgumentError({ field, rule: 'must be a 20-byte hex address' })
  return getAddress(v)
}
const uint = (p: AdminParams, field: string): bigint => {
  const v = p[field]
  if (!v || !/^(0x[0-9a-fA-F]+|\d+)$/.test(v)) throw new InvalidAdminArgumentError({ field, rule: 'must be a decimal or 0x-hex integer' })
  return BigInt(v)
}
const bytes32 = (p: AdminParams, field: string): Hex => {
  const v = p[field]
  if (!v || !isHex(v) || v.length !== 66) throw new InvalidAdminArgumentError({ field, rule: 'must be 32 bytes of 0x-hex' })
  return v
}

const flag = (p: AdminParams, field: string): boolean => {
  const v = p[field]
  if (v !== 'true' && v !== 'false') throw new InvalidAdminArgumentError({ field, rule: 'must be true or false' })
  return v === 'true'
}

const read = (ctx: Pick<AdminContext, 'publicClient' | 'contract'>, functionName: string, args: readonly unknown[] = []) =>
  ctx.publicClient.readContract({ address: ctx.contract, abi: proofXVerifierAbi, functionName: functionName as 'paused', args: args as [] })

/** Bytecode of a Foundry artifact (out/<File>.sol/<Contract>.json). */
async function artifactBytecode(path: string): Promise<Hex> {
  const json = JSON.parse(await readFile(path, 'utf8'))
  const object = json.bytecode?.object ?? json.bytecode
  if (typeof object !== 'string' || object.length < 4) throw new InvalidAdminArgumentError({ field: 'artifact', rule: `has no bytecode (${path})` })
  return (object.startsWith('0x') ? object : `0x${object}`) as Hex
}

/** A step that calls one SDK action with `args`: its simulate-only variant and the action, from one parameter object. */
function call<args>(
  description: string,
  simulate: (client: AnyClient, parameters: SimulateCallOptions & args) => Promise<SimulateVerifierReturnType>,
  send: (client: AnyClient, parameters: { address: Address } & args) => Promise<WriteVerifierReturnType>,
  args: args,
): AdminCallStep {
  return {
    kind: 'call',
    description,
    simulate: (client, options) => simulate(client, { ...options, ...args }),
    send: (client, options) => send(client, { ...options, ...args }),
  }
}

const signerState = (account: (p: AdminParams) => Address) => async (ctx: Pick<AdminContext, 'publicClient' | 'contract'>, p: AdminParams) => ({
  account: account(p),
  isSigner: await read(ctx, 'hasRole', [proofXRoles.SIGNER_ROLE, account(p)]),
})

export const ADMIN_OPERATIONS: Record<string, AdminOperation> = {
  'grant-signer': {
    summary: 'grantRole(SIGNER_ROLE, --account): a prover key may relay proofs',
    steps: async (p) => [call(`grant SIGNER_ROLE to ${address(p, 'account')}`, simulateGrantSigner, grantSigner, { signer: address(p, 'account') })],
    state: signerState((p) => address(p, 'account')),
  },
  'revoke-signer': {
    summary: 'revokeRole(SIGNER_ROLE, --account): playbook A "Contain"',
    steps: async (p) => [call(`revoke SIGNER_ROLE from ${address(p, 'account')}`, simulateRevokeSigner, revokeSigner, { signer: address(p, 'account') })],
    state: signerState((p) => address(p, 'account')),
  },
  'rotate-signer': {
    summary: 'grant SIGNER_ROLE to --new, then revoke it from --old (no gap in service)',
    steps: async (p) => [
      call(`grant SIGNER_ROLE to ${address(p, 'new')}`, simulateGrantSigner, grantSigner, { signer: address(p, 'new') }),
      call(`revoke SIGNER_ROLE from ${address(p, 'old')}`, simulateRevokeSigner, revokeSigner, { signer: address(p, 'old') }),
    ],
    state: async (ctx, p) => ({
      old: { account: address(p, 'old'), isSigner: await read(ctx, 'hasRole', [proofXRoles.SIGNER_ROLE, address(p, 'old')]) },
      new: { account: address(p, 'new'), isSigner: await read(ctx, 'hasRole', [proofXRoles.SIGNER_ROLE, address(p, 'new')]) },
    }),
  },
  pause: {
    summary: 'pause(): every submission reverts (playbook B "Contain"; PAUSER_ROLE, the guardian, at once)',
    steps: async () => [call('pause the verifier', simulatePause, pause, {})],
    state: async (ctx) => ({ paused: await read(ctx, 'paused') }),
  },
  unpause: {
    summary: 'unpause(): submissions are accepted again (playbook B "Restore"; DEFAULT_ADMIN_ROLE, the Safe)',
    steps: async () => [call('unpause the verifier', simulateUnpause, unpause, {})],
    state: async (ctx) => ({ paused: await read(ctx, 'paused') }),
  },
  'set-verifier': {
    summary:
      'setVerifier(--verifier, --vkey-hash, --void-earlier-records true|false), or deploy --verifier-artifact and hash --vkey (circuit upgrade; true voids every earlier record, playbook B "start fresh"; UPGRADER_ROLE, the timelock)',
    steps: async (p, deployed) => {
      const steps: AdminStep[] = []
      if (p['verifier-artifact'])
        steps.push({
          kind: 'deploy',
          label: 'verifier',
          description: `deploy Groth16Verifier from ${p['verifier-artifact']}`,
          bytecode: await artifactBytecode(p['verifier-artifact']),
        })
      const target = p['verifier-artifact'] ? deployed.verifier : address(p, 'verifier')
      const hash = p.vkey ? hashVerificationKey(JSON.parse(await readFile(p.vkey, 'utf8'))) : bytes32(p, 'vkey-hash')
      const voidEarlierRecords = flag(p, 'void-earlier-records')
      const description = `point the proxy at Groth16 verifier ${target ?? '(the deployed verifier)'} (vkeyHash ${hash}), ${voidEarlierRecords ? 'voiding' : 'keeping'} earlier records`
      // Before the deployment the address is unknown: a placeholder nobody deploys to, only ever simulated as such.
      steps.push(call(description, simulateSetVerifier, setVerifier, { groth16Verifier: target ?? NOT_YET_DEPLOYED, vkeyHash: hash, voidEarlierRecords }))
      return steps
    },
    state: async (ctx) => ({
      verifier: await read(ctx, 'verifier'),
      vkeyHash: await read(ctx, 'vkeyHash'),
      verifierGeneration: await read(ctx, 'verifierGeneration'),
      validFromGeneration: await read(ctx, 'validFromGeneration'),
    }),
  },
  'set-batch-verifier': {
    summary: 'setBatchVerifier(--batch-verifier): the Groth16BatchVerifier submitProofs uses, 0x0…0 for none (UPGRADER_ROLE, the timelock)',
    steps: async (p) => [
      call(`use batch verifier ${address(p, 'batch-verifier')}`, simulateSetBatchVerifier, setBatchVerifier, { batchVerifier: address(p, 'batch-verifier') }),
    ],
    state: async (ctx) => ({ batchVerifier: await read(ctx, 'batchVerifier') }),
  },
  'close-gates': {
    summary: 'closeGates(): every isCompliant is false until open-gates (playbook B "Contain", with pause; PAUSER_ROLE, at once)',
    steps: async () => [call('close the gates', simulateCloseGates, closeGates, {})],
    state: async (ctx) => ({ gatesClosed: await read(ctx, 'gatesClosed') }),
  },
  'open-gates': {
    summary: 'openGates(): records that were not voided count again (playbook B "Restore"; DEFAULT_ADMIN_ROLE, the Safe)',
    steps: async () => [call('open the gates', simulateOpenGates, openGates, {})],
    state: async (ctx) => ({ gatesClosed: await read(ctx, 'gatesClosed') }),
  },
  upgrade: {
    summary:
      'validate --artifact (storage layout vs --reference or its @custom:oz-upgrades-from, build info from --build-info-dir, the deployed release build info from --reference-build-info-dir), deploy it and upgradeToAndCall(impl, --call-data) (UPGRADER_ROLE, the timelock)',
    steps: async (p, deployed) => {
      const steps: AdminStep[] = []
      // Storage layout and upgrade safety first (@openzeppelin/upgrades-core): an unsafe implementation is never sent.
      if (p.artifact)
        await validateUpgrade({
          artifact: p.artifact,
          buildInfoDir: p['build-info-dir'],
          reference: p.reference,
          referenceBuildInfoDirs: p['reference-build-info-dir'] ? [p['reference-build-info-dir']] : undefined,
        })
      else if (p['skip-storage-check'] !== 'true')
        throw new UpgradeValidationUnavailableError({
          field: 'implementation',
          rule: 'is already deployed, so its storage layout cannot be checked here: pass --artifact (validated, then deployed), or --skip-storage-check true if it was validated elsewhere',
        })
      if (p.artifact)
        steps.push({
          kind: 'deploy',
          label: 'implementation',
          description: `deploy implementation from ${p.artifact}`,
          bytecode: await artifactBytecode(p.artifact),
        })
      const implementation = p.artifact ? deployed.implementation : address(p, 'implementation')
      const data = (p['call-data'] ?? '0x') as Hex
      if (!isHex(data)) throw new InvalidAdminArgumentError({ field: 'call-data', rule: 'must be 0x-hex' })
      steps.push(
        call(
          `upgradeToAndCall(${implementation ?? '(the deployed implementation)'}, ${data})`,
          simulateUpgrade,
          (client, { address, implementation, data }) => upgrade(client, { address, implementation, data }),
          { implementation: implementation ?? NOT_YET_DEPLOYED, data },
        ),
      )
      return steps
    },
    state: async (ctx) => {
      const slot = await ctx.publicClient.getStorageAt({ address: ctx.contract, slot: IMPLEMENTATION_SLOT })
      return { implementation: getAddress(`0x${(slot ?? '0x').slice(-40).padStart(40, '0')}`), version: await read(ctx, 'version').catch(() => 'unknown') }
    },
  },
  'set-policy': {
    summary:
      'setPolicy for each published document in --policy a.json[,b.json] (its id, hash and validity period; one MultiSend for several), e.g. the new circuit version\'s policy hashes (playbook B "Remediate"; DEFAULT_ADMIN_ROLE, the Safe)',
    steps: async (p) =>
      (await policyDocuments(p)).map((document) =>
        call(
          `register policy ${document.id} (${document.name}, circuit v${document.circuitVersion}): hash ${document.hash}, valid ${document.validityPeriod} s`,
          simulateSetPolicy,
          setPolicy,
          setPolicyArgs(document),
        ),
      ),
    // The same listing `proofx policy set --deployment` writes (cli/src/policy/list-policy-in-deployment.ts).
    deploymentFile: async (path, p) => {
      const documents = await policyDocuments(p)
      const raw = await checkPoliciesFitDeploymentFile(path, documents)
      return {
        calls: documents.map((document) => {
          const { policyId, policyHash, validityPeriod, active } = setPolicyArgs(document)
          return encodeFunctionData({ abi: proofXVerifierAbi, functionName: 'setPolicy', args: [policyId, policyHash, validityPeriod, active] })
        }),
        record: () => listPoliciesInDeploymentFile(path, raw, documents),
      }
    },
    state: async (ctx, p) =>
      Object.fromEntries(
        await Promise.all(
          (await policyDocuments(p)).map(async (document) => {
            const policy = (await read(ctx, 'getPolicy', [document.id])) as unknown as { policyHash: bigint; validityPeriod: number; active: boolean }
            return [
              document.name,
              { policyId: document.id.toString(), policyHash: policy.policyHash.toString(), validityPeriod: policy.validityPeriod, active: policy.active },
            ]
          }),
        ),
      ),
  },
  'add-issuer': {
    summary: 'addIssuer(--issuer-key-hash, --revoker): trust an issuer key',
    steps: async (p) => [
      call(`trust issuer ${uint(p, 'issuer-key-hash')} (revoker ${address(p, 'revoker')})`, simulateAddIssuer, addIssuer, {
        issuerKeyHash: uint(p, 'issuer-key-hash'),
        revoker: address(p, 'revoker'),
      }),
    ],
    state: async (ctx, p) => ({ trusted: await read(ctx, 'isTrustedIssuer', [uint(p, 'issuer-key-hash')]) }),
  },
  'remove-issuer': {
    summary: 'removeIssuer(--issuer-key-hash): its records stop counting',
    steps: async (p) => [
      call(`stop trusting issuer ${uint(p, 'issuer-key-hash')}`, simulateRemoveIssuer, removeIssuer, { issuerKeyHash: uint(p, 'issuer-key-hash') }),
    ],
    state: async (ctx, p) => ({ trusted: await read(ctx, 'isTrustedIssuer', [uint(p, 'issuer-key-hash')]) }),
  },
  'revoke-credential': {
    summary: 'revokeCredential(--issuer-key-hash, --nullifier)',
    steps: async (p) => [
      call(`revoke credential ${uint(p, 'nullifier')} of issuer ${uint(p, 'issuer-key-hash')}`, simulateRevokeCredential, revokeCredential, {
        issuerKeyHash: uint(p, 'issuer-key-hash'),
        nullifier: uint(p, 'nullifier'),
      }),
    ],
    state: async (ctx, p) => ({ revoked: await read(ctx, 'isRevoked', [uint(p, 'issuer-key-hash'), uint(p, 'nullifier')]) }),
  },
}

/** What set-policy registers for a document: its id, hash and validity period, switched on. */
const setPolicyArgs = (document: PolicyDocument) => ({
  policyId: document.id,
  policyHash: document.hash,
  validityPeriod: document.validityPeriod,
  active: true,
})

/** The documents of --policy (comma-separated files), each checked and hashed by the SDK (parsePolicyDocument). */
async function policyDocuments(p: AdminParams) {
  const files = (p.policy ?? '').split(',').filter(Boolean)
  if (!files.length) throw new InvalidAdminArgumentError({ field: 'policy', rule: 'must name at least one policy document file' })
  return Promise.all(files.map((file) => readPolicyDocumentFile(file)))
}

/** Stands in for a contract an operation deploys before its address is known (never sent: see runAdminOperation). */
export const NOT_YET_DEPLOYED: Address = '0x00000000000000000000000000000000deadbeef'
