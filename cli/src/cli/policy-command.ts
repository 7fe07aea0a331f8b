import { parseArgs } from 'node:util'
import { InvalidInputError, toPolicyDocumentJson } from '@proofx/sdk'
import { chainParseOptions, resolveChainTarget, walletFor } from '../admin/chain-options.js'
import { accountSourceFromArgs, loadAccount } from '../admin/load-account.js'
import { checkPoliciesFitDeploymentFile, listPoliciesInDeploymentFile, type ListedPolicy } from '../policy/list-policy-in-deployment.js'
import { readPolicyDocumentFile } from '../policy/read-policy-document.js'
import { setPolicyDocument } from '../policy/set-policy-document.js'

const usage = `usage: proofx policy <command> <document.json> [options]
  validate <document.json>     check it (types, circuit ranges, a stated hash); prints it with its hash
  hash <document.json>         print the hash the contract stores for it
  set <document.json> (--deployment deployments/<chainId>.json | --contract 0x..) [--rpc url] [--keystore file] [--validity-period s] [--inactive]
                               sends setPolicy; with --deployment, also lists the document in that file (policies, policyDocuments)
admin key: PROOFX_ADMIN_KEY, or --keystore with the password in PROOFX_KEYSTORE_PASSWORD`

/** Every option `proofx policy` takes (docs/issuer.md is checked against it). */
export const policyOptions = {
  ...chainParseOptions,
  keystore: { type: 'string' },
  'validity-period': { type: 'string' },
  inactive: { type: 'boolean', default: false },
} as const

/** proofx policy: published policy documents, checked and hashed by the SDK, registered with setPolicy. */
export async function policyCommand(argv: string[], env = process.env): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: policyOptions,
  })
  const [command, file] = positionals
  if (!command || !['validate', 'hash', 'set'].includes(command) || !file) throw new Error(usage)
  const document = await readPolicyDocumentFile(file)
  if (command === 'validate') return void console.log(JSON.stringify({ valid: true, document: toPolicyDocumentJson(document) }, null, 2))
  if (command === 'hash') return void console.log(document.hash.toString())
  const period = values['validity-period']
  if (period !== undefined && !/^[1-9][0-9]*$/.test(period))
    throw new InvalidInputError({ field: '--validity-period', rule: 'must be a positive whole number of seconds' })
  // The deployment file is checked before the transaction and updated after it (its policyDocuments list).
  const deploymentJson = values.deployment ? await checkPoliciesFitDeploymentFile(values.deployment, [document]) : undefined
  const target = await resolveChainTarget(values, env)
  const account = await loadAccount(accountSourceFromArgs({ keystore: values.keystore, envVar: 'PROOFX_ADMIN_KEY', env }), env)
  const result = await setPolicyDocument(walletFor(target, account), {
    address: target.contract,
    document,
    validityPeriod: period === undefined ? undefined : Number(period),
    active: !values.inactive,
  })
  const deploymentFile =
    values.deployment && deploymentJson
      ? { path: values.deployment, ...listedOne(await listPoliciesInDeploymentFile(values.deployment, deploymentJson, [document])) }
      : undefined
  console.log(
    JSON.stringify(
      {
        ...result,
        policyId: result.policyId.toString(),
        policyHash: result.policyHash.toString(),
        contract: target.contract,
        ...(deploymentFile ? { deploymentFile } : {}),
      },
      null,
      2,
    ),
  )
  if (deploymentFile?.listed === 'url') console.error(`${values.deployment} lists "${document.name}" by URL: publish this document at ${deploymentFile.url}.`)
}

/** `proofx policy set` prints how its one document was listed (the name is the document's). */
const listedOne = ([one]: ListedPolicy[]) => ({ listed: one!.listed, ...(one!.url === undefined ? {} : { url: one!.url }) })
