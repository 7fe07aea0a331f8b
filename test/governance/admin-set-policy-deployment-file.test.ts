// `proofx admin set-policy --deployment` lists the documents in the deployment file as `proofx policy set` does (one
// code path: cli/src/policy/list-policy-in-deployment.ts). With an EOA admin at once; with a 2-of-3 Safe only once the
// owners' transaction has executed, never when it is merely proposed or signed; and the monitor raises the policy
// change (no timelock delay) as a medium alert. Real anvil, real Safe 1.4.1 contracts.
import { readFileSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getPolicy, parseDeployment, parsePolicyDocument, toDeploymentJson, toPolicyDocumentJson, type PolicyDocument } from '@proofx/sdk'
import { DEMO_POLICY_DOCUMENTS } from '@proofx/sdk/demo'
import { createDrillEnv, privateKeyOf, type DrillEnv } from '../drills/helpers/drill-env.js'
import { OWNERS, governDrill, type Governed } from '../drills/helpers/governance.js'
import { runProofx } from '../drills/helpers/run-proofx.js'

/** Two documents: accredited with a longer validity period (a changed hash), and a new one, retail-eu (id 7). */
function writeDocuments(dir: string): { files: string; documents: PolicyDocument[] } {
  const { accredited, retail } = DEMO_POLICY_DOCUMENTS
  const documents = [
    parsePolicyDocument({ ...accredited, validityPeriod: 60 * 86_400 }),
    parsePolicyDocument({ ...retail, id: '7', name: 'retail-eu', rules: { ...retail.rules, allowedJurisdictions: [276, 250] } }),
  ]
  const files = documents.map((document) => {
    const file = `${dir}/${document.name}.json`
    writeFileSync(file, JSON.stringify(toPolicyDocumentJson(document)))
    return file
  })
  return { files: files.join(','), documents }
}

const onChain = (env: DrillEnv, policyId: bigint) => getPolicy(env.publicClient, { address: env.deployment.proxy, policyId })

/** The file lists each document under its name, with its id and hash, and still parses as a deployment. */
function expectListed(file: string, documents: PolicyDocument[]) {
  const listed = parseDeployment(JSON.parse(readFileSync(file, 'utf8')), file)
  for (const document of documents) {
    expect(listed.policies[document.name]).toBe(document.id)
    expect(listed.policyDocuments[document.name]).toMatchObject({ id: document.id, hash: document.hash, validityPeriod: document.validityPeriod })
  }
}

describe('proofx admin set-policy --deployment, an EOA admin', () => {
  let env: DrillEnv
  let file: string
  beforeAll(async () => {
    env = await createDrillEnv()
    file = `${env.dir}/deployment.json`
    writeFileSync(file, JSON.stringify(toDeploymentJson(env.deployment)))
  })
  afterAll(() => env?.stop())
  const admin = () => ({ PROOFX_ADMIN_KEY: privateKeyOf(env.admin) })

  test('registers the documents and lists them in the deployment file; a dry run writes nothing', async () => {
    const { files, documents } = writeDocuments(env.dir)
    const before = readFileSync(file, 'utf8')
    const dry = await runProofx(['admin', 'set-policy', '--rpc', env.anvil.rpcUrl, '--deployment', file, '--policy', files, '--dry-run'], admin())
    expect(dry.code, dry.stderr).toBe(0)
    expect(dry.json.deploymentFile).toBeUndefined()
    expect(readFileSync(file, 'utf8')).toBe(before)

    const run = await runProofx(['admin', 'set-policy', '--rpc', env.anvil.rpcUrl, '--deployment', file, '--policy', files], admin())
    expect(run.code, run.stderr).toBe(0)
    expect(run.json).toMatchObject({ route: 'direct', from: env.admin.address })
    expect(run.json.deploymentFile).toEqual({
      path: file,
      listed: [
        { name: 'accredited', listed: 'bundled' },
        { name: 'retail-eu', listed: 'bundled' },
      ],
    })
    expectListed(file, documents)
    for (const document of documents)
      expect(await onChain(env, document.id)).toMatchObject({ policyHash: document.hash, validityPeriod: document.validityPeriod, active: true })
    // What was listed before is kept.
    expect(parseDeployment(JSON.parse(readFileSync(file, 'utf8'))).policies.retail).toBe(2n)
  })

  test('a document the file lists under another id is refused before anything is sent', async () => {
    const conflicting = `${env.dir}/accredited-9.json`
    writeFileSync(conflicting, JSON.stringify({ ...DEMO_POLICY_DOCUMENTS.accredited, id: '9' }))
    const before = readFileSync(file, 'utf8')
    const run = await runProofx(['admin', 'set-policy', '--rpc', env.anvil.rpcUrl, '--deployment', file, '--policy', conflicting], admin())
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/policyDocument\.id.*lists "accredited" as policy 1/)
    expect((await onChain(env, 9n)).registered).toBe(false)
    expect(readFileSync(file, 'utf8')).toBe(before)
  })
})

describe('proofx admin set-policy --deployment, a 2-of-3 Safe admin', () => {
  let env: DrillEnv
  let gov: Governed
  let file: string
  let chain: string[]
  beforeAll(async () => {
    env = await createDrillEnv()
    gov = await governDrill(env)
    file = `${env.dir}/deployment.json`
    writeFileSync(file, JSON.stringify({ ...toDeploymentJson(env.deployment), governance: gov.governance }))
    chain = ['--rpc', env.anvil.rpcUrl, '--deployment', file]
  })
  afterAll(() => env?.stop())

  const sign = async (proposal: string, owner: (typeof OWNERS)[number]) => {
    const out = `${proposal}.${owner.address}.sig.json`
    const signed = await runProofx(['admin', 'sign', '--proposal', proposal, '--out', out], { PROOFX_ADMIN_KEY: privateKeyOf(owner) })
    expect(signed.code, signed.stderr).toBe(0)
    return out
  }
  const execute = (proposal: string, signatures: string[]) =>
    runProofx(['admin', 'execute', ...chain, '--proposal', proposal, '--signatures', signatures.join(',')], { PROOFX_ADMIN_KEY: privateKeyOf(env.admin) })

  test('the file changes only when the Safe executes: not on propose, sign, a refused execution or an edited document', async () => {
    const { files, documents } = writeDocuments(env.dir)
    const before = readFileSync(file, 'utf8')
    const proposal = `${env.dir}/policies.json`
    const proposed = await runProofx(['admin', 'set-policy', ...chain, '--policy', files, '--propose', proposal])
    expect(proposed.code, proposed.stderr).toBe(0)
    expect(proposed.json).toMatchObject({ route: 'safe', proposal: { phase: 'direct' } })
    const signatures = [await sign(proposal, OWNERS[0]), await sign(proposal, OWNERS[2])]
    expect(readFileSync(file, 'utf8')).toBe(before)

    // One owner's signature: refused, nothing sent, nothing listed.
    const alone = await execute(proposal, signatures.slice(0, 1))
    expect(alone.code).toBe(1)
    expect(alone.stderr).toMatch(/needs 2 owner signatures/)
    expect(readFileSync(file, 'utf8')).toBe(before)

    // A document file edited after the owners signed: the file would list what the chain does not hold, so refused.
    const retailEu = `${env.dir}/retail-eu.json`
    const signedText = readFileSync(retailEu, 'utf8')
    writeFileSync(retailEu, JSON.stringify({ ...JSON.parse(signedText), hash: undefined, validityPeriod: 86_400 }))
    const edited = await execute(proposal, signatures)
    expect(edited.code).toBe(1)
    expect(edited.stderr).toMatch(/--policy files .* no longer hold what the proposal registers/)
    expect((await onChain(env, 7n)).registered).toBe(false)
    expect(readFileSync(file, 'utf8')).toBe(before)
    writeFileSync(retailEu, signedText)

    const executed = await execute(proposal, signatures)
    expect(executed.code, executed.stderr).toBe(0)
    expect(executed.json.deploymentFile).toEqual({
      path: file,
      listed: [
        { name: 'accredited', listed: 'bundled' },
        { name: 'retail-eu', listed: 'bundled' },
      ],
    })
    expectListed(file, documents)
    for (const document of documents)
      expect(await onChain(env, document.id)).toMatchObject({ policyHash: document.hash, validityPeriod: document.validityPeriod, active: true })
    // The change had no delay: the monitor raises each PolicySet as a medium alert, the operators' window to react.
    const monitor = await runProofx(['monitor', ...chain, '--checkpoint', `${env.dir}/cp.json`, '--once'])
    expect(monitor.code, monitor.stderr).toBe(0)
    const alerts = monitor.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .filter((a) => a.kind === 'PolicyChanged' && a.transactionHash === executed.json.transactionHash)
    expect(alerts.map((a) => [a.severity, a.data.policyId, a.data.policyHash])).toEqual(
      documents.map((document) => ['medium', document.id.toString(), document.hash.toString()]),
    )
    // The governance entry is kept: the next command still finds the Safe.
    expect(JSON.parse(readFileSync(file, 'utf8')).governance).toEqual(JSON.parse(JSON.stringify(gov.governance)))
  })
})
