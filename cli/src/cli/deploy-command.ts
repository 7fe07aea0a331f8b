import { parseArgs } from 'node:util'
import { getAddress, isAddress, type Address } from 'viem'
import { demoIssuer, demoPolicyDocuments } from '@proofx/sdk/demo'
import { InvalidDeployInputError } from '../deploy/deploy-errors.js'
import { readDeployPolicy, readIssuerFile, readVerificationKeyFile } from '../deploy/deploy-inputs.js'
import { readProofXArtifacts } from '../deploy/foundry-artifacts.js'
import { loadKeystoreAccount } from '../deploy/keystore-account.js'
import { parseGovernanceFlags } from '../deploy/governance-flags.js'
import { deployNextSteps } from '../deploy/next-steps.js'
import { readPassphrase } from '../deploy/read-passphrase.js'
import { runDeploy } from '../deploy/run-deploy.js'

const usage = [
  'usage: proofx deploy --rpc <url> --keystore <file> (--issuer <file>... --policy <file>... | --demo) [options]',
  '  --rpc <url>               JSON-RPC endpoint (or PROOFX_RPC_URL)',
  '  --chain-id <id>           refuse unless the RPC serves this chain',
  '  --keystore <file>         V3 keystore of the deploying account (the admin unless --admin)',
  '  --passphrase-file <file>  keystore passphrase; else PROOFX_KEYSTORE_PASSWORD; else a prompt that echoes nothing',
  '  --issuer <file>           issuer to trust: { "keyHash": "…", "revoker": "0x…" } or a list (repeatable)',
  '  --policy <file>           published policy document (repeatable)',
  '  --demo                    also trust the public demo issuer and register the demo policies (local anvil 31337 only)',
  '  --admin <address>         DEFAULT_ADMIN_ROLE holder (default: the deployer)',
  '  --pauser <address>        PAUSER_ROLE holder (default: the admin)',
  '  --upgrader <address>      UPGRADER_ROLE holder (default: the admin)',
  '  --signer <address>        granted SIGNER_ROLE (repeatable)',
  ' governance (all four together, instead of --admin/--pauser/--upgrader; the deployer keeps no role):',
  '  --safe-owners <a,b,c>     owners of a new Safe 1.4.1, which gets DEFAULT_ADMIN_ROLE',
  '  --safe-threshold <n>      owner signatures a Safe transaction needs (1 to the number of owners)',
  '  --timelock-delay <s>      seconds upgrades and verifier swaps wait in the TimelockController (UPGRADER_ROLE); 0 only on 31337',
  '  --guardian <address>      PAUSER_ROLE: pauses and closes the gates alone, at once',
  '  --timelock-executor <x>   who runs a matured timelock operation: safe (default), anyone, or an address besides the Safe',
  '  --max-proof-age <seconds> default 86400',
  '  --vkey <file>             default circuits/artifacts/verification_key.json',
  '  --forge-out <dir>         Foundry build with the contracts, default out',
  '  --deployments-dir <dir>   where <chainId>.json is written, default deployments',
].join('\n')

function address(value: string | undefined, field: string): Address | undefined {
  if (value === undefined) return undefined
  if (!isAddress(value, { strict: false })) throw new InvalidDeployInputError({ field, rule: 'must be a 20-byte hex address' })
  return getAddress(value)
}

function positiveInteger(value: string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value) || Number(value) <= 0 || !Number.isSafeInteger(Number(value)))
    throw new InvalidDeployInputError({ field, rule: 'must be a positive whole number' })
  return Number(value)
}

/** proofx deploy: ProofX on any chain, with the admin key from a keystore, issuers and policies from files. */
export async function deployCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      rpc: { type: 'string' },
      'chain-id': { type: 'string' },
      keystore: { type: 'string' },
      'passphrase-file': { type: 'string' },
      issuer: { type: 'string', multiple: true },
      policy: { type: 'string', multiple: true },
      admin: { type: 'string' },
      pauser: { type: 'string' },
      upgrader: { type: 'string' },
      signer: { type: 'string', multiple: true },
      'safe-owners': { type: 'string' },
      'safe-threshold': { type: 'string' },
      'timelock-delay': { type: 'string' },
      guardian: { type: 'string' },
      'timelock-executor': { type: 'string' },
      'max-proof-age': { type: 'string' },
      vkey: { type: 'string', default: 'circuits/artifacts/verification_key.json' },
      'forge-out': { type: 'string', default: 'out' },
      'deployments-dir': { type: 'string', default: 'deployments' },
      demo: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(usage)
    return
  }
  const rpcUrl = values.rpc ?? process.env.PROOFX_RPC_URL
  if (!rpcUrl) throw new InvalidDeployInputError({ field: '--rpc', rule: 'is required', hint: usage })
  if (!values.keystore)
    throw new InvalidDeployInputError({ field: '--keystore', rule: 'is required: the deploying key comes from an encrypted V3 keystore', hint: usage })
  if (!values.issuer?.length && !values.demo)
    throw new InvalidDeployInputError({ field: '--issuer', rule: 'is required: at least one issuer to trust', hint: usage })
  if (!values.policy?.length && !values.demo)
    throw new InvalidDeployInputError({ field: '--policy', rule: 'is required: at least one policy document', hint: usage })

  // Every file is read and checked before the passphrase is asked for and before anything is sent.
  const issuers = (values.issuer ?? []).flatMap(readIssuerFile)
  const policies = [...(values.demo ? Object.values(demoPolicyDocuments()) : []), ...(await Promise.all((values.policy ?? []).map(readDeployPolicy)))]
  const verificationKey = readVerificationKeyFile(values.vkey)
  const artifacts = readProofXArtifacts(values['forge-out'])
  const roles = { admin: address(values.admin, '--admin'), pauser: address(values.pauser, '--pauser'), upgrader: address(values.upgrader, '--upgrader') }
  const governance = parseGovernanceFlags(values, roles)
  const signers = (values.signer ?? []).map((signer) => address(signer, '--signer')!)
  const maxProofAge = positiveInteger(values['max-proof-age'], '--max-proof-age')
  const expectedChainId = positiveInteger(values['chain-id'], '--chain-id')

  const account = await loadKeystoreAccount(values.keystore, await readPassphrase({ passphraseFile: values['passphrase-file'] }))
  // The demo issuer's credentials can be forged by anyone: deployProofX refuses it off chain 31337, before sending.
  if (values.demo) issuers.unshift({ keyHash: demoIssuer().keyHash, revoker: account.address })
  console.error(`Deploying ProofX from ${account.address} over ${rpcUrl}`)
  const {
    deployment,
    governance: governed,
    file,
  } = await runDeploy({
    rpcUrl,
    account,
    expectedChainId,
    artifacts,
    verificationKey,
    issuers,
    policies,
    ...roles,
    signers,
    maxProofAge,
    governance,
    deploymentsDir: values['deployments-dir'],
    onStep: ({ step, transactionHash }) => console.error(`  ${step}: ${transactionHash}`),
  })
  console.error(deployNextSteps(deployment, file, governed).join('\n'))
  console.log(JSON.stringify({ chainId: deployment.chainId, proxy: deployment.proxy, ...(governed ? { governance: governed } : {}), file }))
}
