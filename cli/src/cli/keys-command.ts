import { parseArgs } from 'node:util'
import { generatePrivateKey, privateKeyToAddress } from 'viem/accounts'
import { auditGovernance } from '../admin/audit-governance.js'
import { auditSignerKeys } from '../admin/audit-signer-keys.js'
import { chainParseOptions, resolveChainTarget } from '../admin/chain-options.js'
import { writeKeystore } from '../admin/keystore.js'

/**
 * proofx keys audit: age of every SIGNER_ROLE key (flags those past --max-age-days, default 90;
 * --strict exits 1 when any is stale) and the governance: who holds each role, the Safe's owners and threshold, the
 * timelock's delay and pending operations, with warnings. proofx keys new --out file: a new key pair in a v3 keystore.
 */
export async function keysCommand(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv
  if (sub === 'audit') {
    const { values } = parseArgs({
      args: rest,
      options: {
        ...chainParseOptions,
        'from-block': { type: 'string' },
        'max-age-days': { type: 'string', default: '90' },
        strict: { type: 'boolean', default: false },
      },
    })
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
    const { values } = parseArgs({ args: rest, options: { out: { type: 'string' } } })
    if (!values.out) throw new Error('proofx keys new --out <keystore.json> (password from PROOFX_KEYSTORE_PASSWORD)')
    const password = process.env.PROOFX_KEYSTORE_PASSWORD
    if (!password) throw new Error('Set PROOFX_KEYSTORE_PASSWORD to encrypt the new key.')
    const key = generatePrivateKey()
    await writeKeystore(values.out, key, password)
    console.log(JSON.stringify({ address: privateKeyToAddress(key), keystore: values.out }))
    return
  }
  throw new Error('usage: proofx keys <audit|new> [options]')
}
