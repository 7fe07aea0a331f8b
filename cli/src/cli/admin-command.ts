import { readFile, writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { getAddress, isAddress, isHex, type Hex, type LocalAccount } from 'viem'
import { InvalidAdminArgumentError, ADMIN_OPERATIONS, type DeploymentFileListing } from '../admin/admin-operations.js'
import { chainParseOptions, resolveChainTarget, walletFor, type ChainTarget } from '../admin/chain-options.js'
import {
  executeSafeProposal,
  operationRoute,
  runGovernedOperation,
  runScheduledExecution,
  type GovernanceTarget,
  type GovernedContext,
} from '../admin/governed-operation.js'
import { accountSourceFromArgs, loadAccount } from '../admin/load-account.js'
import { checkProposal, signSafeProposal, type SafeProposal, type SafeSignatureFile } from '../admin/safe-proposal.js'

const usage = () =>
  [
    'usage: proofx admin <operation> [--dry-run] [--propose proposal.json] (--deployment deployments/<id>.json | --contract 0x..) [--rpc url] [operation options]',
    '       proofx admin sign --proposal proposal.json --out <owner>.sig.json [--keystore owner.json]   (offline: no RPC)',
    '       proofx admin execute --proposal proposal.json --signatures a.sig.json,b.sig.json [--dry-run]',
    '       proofx admin execute-scheduled --proposal schedule.json [--propose execute.json] [--dry-run]',
    '  key: env PROOFX_ADMIN_KEY, or --keystore with the password in PROOFX_KEYSTORE_PASSWORD. A key that holds the role',
    '  sends at once (an EOA admin, the guardian pausing); otherwise the Safe (or the timelock, for upgrades and verifier',
    '  swaps) holds it and --propose writes the Safe proposal for the owners to sign.',
    '  governance: from the deployment file, or --safe 0x.. [--timelock 0x..]',
    ...Object.entries(ADMIN_OPERATIONS).map(([name, op]) => `  ${name.padEnd(18)} ${op.summary}`),
  ].join('\n')

const operationOptions = {
  account: { type: 'string' },
  old: { type: 'string' },
  new: { type: 'string' },
  verifier: { type: 'string' },
  'vkey-hash': { type: 'string' },
  'void-earlier-records': { type: 'string' },
  'batch-verifier': { type: 'string' },
  'verifier-artifact': { type: 'string' },
  vkey: { type: 'string' },
  artifact: { type: 'string' },
  implementation: { type: 'string' },
  // proofx admin upgrade's storage-layout check (cli/src/admin/validate-upgrade.ts).
  'build-info-dir': { type: 'string' },
  reference: { type: 'string' },
  'reference-build-info-dir': { type: 'string' },
  'skip-storage-check': { type: 'string' },
  'call-data': { type: 'string' },
  'issuer-key-hash': { type: 'string' },
  revoker: { type: 'string' },
  nullifier: { type: 'string' },
  policy: { type: 'string' },
} as const

const governanceOptions = {
  ...chainParseOptions,
  'dry-run': { type: 'boolean', default: false },
  keystore: { type: 'string' },
  safe: { type: 'string' },
  timelock: { type: 'string' },
  propose: { type: 'string' },
  proposal: { type: 'string' },
  nonce: { type: 'string' },
  salt: { type: 'string' },
  delay: { type: 'string' },
  out: { type: 'string' },
  signatures: { type: 'string', multiple: true },
} as const

/** proofx admin: incident response and upgrades, one transaction sequence (or Safe proposal) per playbook step. */
export async function adminCommand(argv: string[]): Promise<void> {
  const [operation, ...rest] = argv
  if (operation === 'sign') return signCommand(rest)
  if (operation === 'execute') return executeCommand(rest)
  if (operation === 'execute-scheduled') return executeScheduledCommand(rest)
  if (!operation || !ADMIN_OPERATIONS[operation]) throw new Error(usage())
  const { values } = parseArgs({ args: rest, options: { ...governanceOptions, ...operationOptions } })
  const target = await resolveChainTarget(values)
  const ctx = await governedContext(target, values)
  const dryRun = values['dry-run']
  const params = values as unknown as Record<string, string | undefined>
  // Checked before anything is sent or proposed; written only once the calls have run (here, or at `admin execute`).
  const listing = values.deployment ? await ADMIN_OPERATIONS[operation].deploymentFile?.(values.deployment, params) : undefined
  if (!dryRun && !values.propose && (await operationRoute(ctx, operation, params)) !== 'direct') {
    throw new InvalidAdminArgumentError({
      field: 'propose',
      rule: `is needed: your key does not hold the role "${operation}" needs, the Safe does; pass --propose <file> to write the Safe proposal (or --dry-run)`,
    })
  }
  const result = await runGovernedOperation(ctx, operation, params, {
    dryRun,
    nonce: values.nonce !== undefined ? integer(values.nonce, 'nonce') : undefined,
    salt: values.salt !== undefined ? bytes32(values.salt, 'salt') : undefined,
    delay: values.delay !== undefined ? BigInt(integer(values.delay, 'delay')) : undefined,
  })
  if (result.route === 'direct') {
    const deploymentFile = listing && !dryRun ? { path: values.deployment, listed: await listing.record() } : undefined
    console.log(JSON.stringify({ ...result, ...(deploymentFile ? { deploymentFile } : {}) }, null, 2))
    // proofx.ts exits 0 after a command returns: a failing dry run must throw to exit 1.
    const reverted = result.steps.filter((s) => s.simulation.startsWith('reverted'))
    if (reverted.length) throw new Error(`dry run: ${reverted.map((s) => `"${s.description}" ${s.simulation}`).join('; ')}`)
    return
  }
  const { proposal } = result
  if (values.propose && !dryRun) await writeFile(values.propose, `${JSON.stringify(proposal, null, 2)}\n`)
  console.log(
    JSON.stringify({ ...result, proposalFile: dryRun ? undefined : values.propose, next: nextSteps(proposal, values.propose ?? 'proposal.json') }, null, 2),
  )
  const reverted = [
    ...proposal.simulation.filter((s) => s.result.startsWith('reverted')),
    ...result.deploySteps.filter((s) => s.simulation.startsWith('reverted')).map((s) => ({ description: s.description, result: s.simulation })),
  ]
  if (reverted.length) throw new Error(`simulation: ${reverted.map((s) => `"${s.description}" ${s.result}`).join('; ')}`)
}

/** proofx admin sign: one owner signs a proposal with their key, offline (no RPC is read). */
async function signCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { proposal: { type: 'string' }, out: { type: 'string' }, keystore: { type: 'string' } } })
  if (!values.proposal || !values.out) throw new Error('usage: proofx admin sign --proposal proposal.json --out <owner>.sig.json [--keystore owner.json]')
  const proposal = await readProposal(values.proposal)
  const account = await loadAccount(accountSourceFromArgs({ keystore: values.keystore, envVar: 'PROOFX_ADMIN_KEY' }))
  const file = await signSafeProposal(proposal, account)
  await writeFile(values.out, `${JSON.stringify(file, null, 2)}\n`)
  console.log(
    JSON.stringify(
      {
        signed: proposal.safeTxHash,
        signer: file.signer,
        safe: proposal.safe,
        chainId: proposal.chainId,
        nonce: proposal.safeTransaction.nonce,
        calls: proposal.calls.map((c) => c.description),
        out: values.out,
      },
      null,
      2,
    ),
  )
}

/** proofx admin execute: sends a proposal once enough owners signed it (any funded key pays the gas). */
async function executeCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: governanceOptions })
  if (!values.proposal || !values.signatures?.length)
    throw new Error('usage: proofx admin execute --proposal proposal.json --signatures a.sig.json,b.sig.json [--dry-run]')
  const proposal = await readProposal(values.proposal)
  const target = await resolveChainTarget(values)
  const ctx = await governedContext(target, values)
  if (!ctx.walletClient)
    throw new InvalidAdminArgumentError({ field: 'keystore', rule: 'is needed: some funded key sends the Safe transaction (PROOFX_ADMIN_KEY or --keystore)' })
  const names = values.signatures.flatMap((s) => s.split(',')).filter(Boolean)
  const signatures = await Promise.all(names.map(async (name) => ({ name, file: JSON.parse(await readFile(name, 'utf8')) as SafeSignatureFile })))
  // A schedule changes nothing yet: the deployment file follows when the timelock executes it.
  const listing = proposal.phase === 'schedule' ? undefined : await proposalListing(values.deployment, proposal)
  const result = await executeSafeProposal(ctx as Parameters<typeof executeSafeProposal>[0], proposal, signatures, { dryRun: values['dry-run'] })
  const deploymentFile = listing && !values['dry-run'] ? { path: values.deployment, listed: await listing.record() } : undefined
  console.log(JSON.stringify({ ...result, ...(deploymentFile ? { deploymentFile } : {}) }, null, 2))
  if (result.simulation !== 'ok') throw new Error(`dry run: the Safe transaction ${result.simulation}`)
}

/** proofx admin execute-scheduled: the second half of a timelocked change, after its delay. */
async function executeScheduledCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: governanceOptions })
  if (!values.proposal) throw new Error('usage: proofx admin execute-scheduled --proposal schedule.json [--propose execute.json] [--dry-run]')
  const proposal = await readProposal(values.proposal)
  const target = await resolveChainTarget(values)
  const ctx = await governedContext(target, values)
  const result = await runScheduledExecution(ctx, proposal, {
    dryRun: values['dry-run'],
    nonce: values.nonce !== undefined ? integer(values.nonce, 'nonce') : undefined,
  })
  if (result.route === 'safe') {
    if (!values.propose && !values['dry-run'])
      throw new InvalidAdminArgumentError({ field: 'propose', rule: 'is needed: the Safe executes this timelock operation; pass --propose <file>' })
    if (values.propose && !values['dry-run']) await writeFile(values.propose, `${JSON.stringify(result.proposal, null, 2)}\n`)
    console.log(
      JSON.stringify(
        { ...result, proposalFile: values['dry-run'] ? undefined : values.propose, next: nextSteps(result.proposal, values.propose ?? 'execute.json') },
        null,
        2,
      ),
    )
    return
  }
  // Sent at once (an open executor): the timelock ran the calls, so the deployment file follows.
  const listing = await proposalListing(values.deployment, proposal)
  const deploymentFile = listing && !values['dry-run'] ? { path: values.deployment, listed: await listing.record() } : undefined
  console.log(JSON.stringify({ ...result, ...(deploymentFile ? { deploymentFile } : {}) }, null, 2))
  if (result.simulation !== 'ok') throw new Error(`dry run: timelock execute ${result.simulation}`)
}

/**
 * What the deployment file will list once `proposal` runs (set-policy: its documents, read again from the files it
 * names), checked against the calls the owners signed: a document file changed since the proposal was made is
 * refused before anything is sent, so the file never lists what the chain does not hold.
 */
async function proposalListing(deployment: string | undefined, proposal: SafeProposal): Promise<DeploymentFileListing | undefined> {
  const listing = deployment ? await ADMIN_OPERATIONS[proposal.operation]?.deploymentFile?.(deployment, proposal.params) : undefined
  if (!listing) return undefined
  const signed = (proposal.timelock?.calls ?? proposal.calls).map((c) => c.data.toLowerCase())
  if (listing.calls.length !== signed.length || listing.calls.some((data, i) => data.toLowerCase() !== signed[i]))
    throw new InvalidAdminArgumentError({
      field: 'policy',
      rule: `files (${proposal.params.policy}) no longer hold what the proposal registers: restore them, or propose again; nothing was sent and ${deployment} is unchanged`,
    })
  return listing
}

async function governedContext(
  target: ChainTarget,
  values: { keystore?: string | undefined; safe?: string | undefined; timelock?: string | undefined },
): Promise<GovernedContext> {
  let governance: GovernanceTarget | undefined = target.governance
  if (values.safe) {
    if (!isAddress(values.safe, { strict: false })) throw new InvalidAdminArgumentError({ field: 'safe', rule: 'must be an address' })
    if (values.timelock !== undefined && !isAddress(values.timelock, { strict: false }))
      throw new InvalidAdminArgumentError({ field: 'timelock', rule: 'must be an address' })
    governance = {
      safe: getAddress(values.safe),
      timelock: values.timelock ? getAddress(values.timelock) : governance?.timelock,
      safeContracts: governance?.safeContracts,
    }
  }
  const account = await optionalAccount(values.keystore)
  return {
    publicClient: target.publicClient,
    rpcUrl: target.rpcUrl,
    contract: target.contract,
    governance,
    walletClient: account ? walletFor(target, account) : undefined,
  }
}

/** The operator's key when one is given: proposals need none unless they deploy something. */
async function optionalAccount(keystore: string | undefined): Promise<LocalAccount | undefined> {
  if (!keystore && !process.env.PROOFX_ADMIN_KEY) return undefined
  return loadAccount(accountSourceFromArgs({ keystore, envVar: 'PROOFX_ADMIN_KEY' }))
}

async function readProposal(path: string): Promise<SafeProposal> {
  const proposal = JSON.parse(await readFile(path, 'utf8')) as SafeProposal
  checkProposal(proposal)
  return proposal
}

function nextSteps(proposal: SafeProposal, file: string): string[] {
  return [
    `each owner, on their own machine: proofx admin sign --proposal ${file} --keystore <owner.json> --out <owner>.sig.json`,
    `then anyone: proofx admin execute --proposal ${file} --signatures <a>.sig.json,<b>.sig.json (Safe ${proposal.safe} nonce ${proposal.safeTransaction.nonce})`,
    ...(proposal.phase === 'schedule'
      ? [`after the delay (${proposal.timelock?.delay} s): proofx admin execute-scheduled --proposal ${file} --propose execute.json`]
      : []),
  ]
}

function integer(value: string, field: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidAdminArgumentError({ field, rule: 'must be a non-negative integer' })
  return Number(value)
}

function bytes32(value: string, field: string): Hex {
  if (!isHex(value) || value.length !== 66) throw new InvalidAdminArgumentError({ field, rule: 'must be 32 bytes of 0x-hex' })
  return value
}
