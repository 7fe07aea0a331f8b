import { parseArgs } from 'node:util'
import { generatePrivateKey, privateKeyToAddress } from 'viem/accounts'
import { auditGovernance } from '../admin/audit-governance.js'
import { auditSignerKeys } from '../admin/audit-signer-keys.js'
import { chainParseOptions, resolveChainTarget } from '../admin/chain-options.js'
import { writeKeystore } from '../admin/keystore.js'

export const keysUsage = [
  'usage: proofx keys <audit|new> [options]',
  '  audit (--deployment deployments/<chainId>.json | --contract 0x..) [--rpc url] [options]',
  '      the age of every SIGNER_ROLE key, and the governance: who holds each role, the Safe owners and threshold,',
  "      the timelock's delay and pending operations, with warnings (JSON on stdout)",
  '    --from-block <n>          read role events from here (default: the deployment block)',
  '    --max-age-days <days>     flag signer keys older than this (default 90)',
  '    --strict                  exit 1 when a signer key is older than --max-age-days',
  '  new --out <keystore.json>   a new key pair in a v3 keystore, encrypted with PROOFX_KEYSTORE_PASSWORD; prints its address',
  'chain: --rpc (or PROOFX_RPC_URL, default http://127.0.0.1:8545), --contract (or PROOFX_CONTRACT) or --deployment',
  '--help on its own or after a command prints this',
].join('\n')

const help = { help: { type: 'boolean', default: false } } as const
/** What each sub-command accepts (the help test checks keysUsage names each one). */
export const keysOptions = {
  audit: {
    ...chainParseOptions,
    'from-block': { type: 'string' },
    'max-age-days': { type: 'string', default: '90' },
    strict: { type: 'boolean', default: false },
    ...help,
  },
  new: { out: { type: 'string' }, ...help },
} as const

/**
 * proofx keys audit: age of every SIGNER_ROLE key (flags those past --max-age-days, default 90;
 * --strict exits 1 when any is stale) and the governance: who holds each role, the Safe's owners and threshold, the
 * timelock's delay and pending operations, with warnings. proofx keys new --out file: a new key pair in a v3 keystore.
 */
export async function keysCommand(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    console.log(keysUsage)
    return
  }
  if (sub === 'audit') {
    const { values } = parseArgs({ args: rest, options: keysOptions.audit })
    if (values.help) {
      console.log(keysUsage)
      return
    }
    const target = await resolveChainTarget(values)
    const fromBlock = values['from-block'] !== undefined ? BigInt(values['from-block']) : (target.deployBlock ?? 0n)
    const report = await auditSignerKeys(target.publicClient, { contract: target.contract, fromBlock, maxAgeDays: Number(values['max-age-days']) })
    const governance = await auditGovernance(target.publicClient, { contract: target.contract, fromBlock, governance: target.governance })
    console.log(JSON.stringify({ ...report, governance }, null, 2))
    if (values.strict && report.stale.length > 0)
      throw new Error(`${report.stale.length} signer key(s) older than ${report.maxAgeDays} days: rotate with proofx admin rotate-signer`)
    return
  }
  if (sub === 'new') {
    const { values } = parseArgs({ args: rest, options: keysOptions.new })
    if (values.help) {
      console.log(keysUsage)
      return
    }
    if (!values.out) throw new Error('proofx keys new --out <keystore.json> (password from PROOFX_KEYSTORE_PASSWORD)')
    const password = process.env.PROOFX_KEYSTORE_PASSWORD
    if (!password) throw new Error('Set PROOFX_KEYSTORE_PASSWORD to encrypt the new key.')
    const key = generatePrivateKey()
    await writeKeystore(values.out, key, password)
    console.log(JSON.stringify({ address: privateKeyToAddress(key), keystore: values.out }))
    return
  }
  throw new Error(keysUsage)
}
