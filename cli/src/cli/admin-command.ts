import { parseArgs } from 'node:util'
import { accountSourceFromArgs, loadAccount } from '../admin/load-account.js'
import { ADMIN_OPERATIONS } from '../admin/admin-operations.js'
import { chainParseOptions, resolveChainTarget, walletFor } from '../admin/chain-options.js'
import { runAdminOperation } from '../admin/run-admin-operation.js'

const usage = () =>
  [
    'usage: proofx admin <operation> [--dry-run] [--keystore file] (--deployment deployments/<id>.json | --contract 0x..) [--rpc url] [operation options]',
    '  key: env PROOFX_ADMIN_KEY, or --keystore with the password in PROOFX_KEYSTORE_PASSWORD',
    ...Object.entries(ADMIN_OPERATIONS).map(([name, op]) => `  ${name.padEnd(18)} ${op.summary}`),
  ].join('\n')

/** proofx admin <operation>: incident response and upgrades, one transaction sequence per playbook step. */
export async function adminCommand(argv: string[]): Promise<void> {
  const [operation, ...rest] = argv
  if (!operation || !ADMIN_OPERATIONS[operation]) throw new Error(usage())
  const { values } = parseArgs({
    args: rest,
    options: {
      ...chainParseOptions,
      'dry-run': { type: 'boolean', default: false },
      keystore: { type: 'string' },
      account: { type: 'string' },
      old: { type: 'string' },
      new: { type: 'string' },
      verifier: { type: 'string' },
      'vkey-hash': { type: 'string' },
      'void-earlier-records': { type: 'string' },
      'verifier-artifact': { type: 'string' },
      vkey: { type: 'string' },
      artifact: { type: 'string' },
      implementation: { type: 'string' },
      'build-info-dir': { type: 'string' },
      reference: { type: 'string' },
      'reference-build-info-dir': { type: 'string' },
      'skip-storage-check': { type: 'string' },
      'call-data': { type: 'string' },
      'issuer-key-hash': { type: 'string' },
      revoker: { type: 'string' },
      nullifier: { type: 'string' },
    },
  })
  const target = await resolveChainTarget(values)
  const account = await loadAccount(accountSourceFromArgs({ keystore: values.keystore, envVar: 'PROOFX_ADMIN_KEY' }))
  const result = await runAdminOperation(
    { publicClient: target.publicClient, walletClient: walletFor(target, account), contract: target.contract },
    operation,
    values as unknown as Record<string, string | undefined>,
    { dryRun: values['dry-run'] },
  )
  console.log(JSON.stringify(result, null, 2))
  // proofx.ts exits 0 after a command returns: a failing dry run must throw to exit 1.
  const reverted = result.steps.filter((s) => s.simulation.startsWith('reverted'))
  if (reverted.length) throw new Error(`dry run: ${reverted.map((s) => `"${s.description}" ${s.simulation}`).join('; ')}`)
}
