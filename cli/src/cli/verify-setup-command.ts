import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ProofXError } from '@proofx/sdk'
import { verifySetup } from '../setup/verify-setup.js'

/** Raised when a committed trusted setup does not re-verify; names every failed check. */
export class SetupVerificationError extends ProofXError {
  override name = 'SetupVerificationError' as const
  constructor(readonly failed: { name: string; detail?: string }[]) {
    super(`The trusted setup does not verify: ${failed.length} check(s) failed.`, {
      metaMessages: failed.map((c) => `- ${c.name}`),
      docsPath: 'circuits/README.md#trusted-setup-the-ceremony',
    })
  }
}

/**
 * proofx setup-verify: re-verifies the committed transcript (ptau and zkey contributions, beacons),
 * the manifest's sha256s, and that the vkey and Groth16Verifier.sol come from the zkey. Exits non-zero on a mismatch.
 */
export async function verifySetupCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      root: { type: 'string', default: process.cwd() },
      artifacts: { type: 'string', default: 'circuits/artifacts' },
    },
  })
  const root = resolve(values.root)
  const report = await verifySetup({ root, artifactsDir: resolve(root, values.artifacts) })
  for (const c of report.contributions) console.log(`phase ${c.phase}  ${c.name.padEnd(22)} ${c.hash}`)
  for (const c of report.checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}${!c.ok && c.detail ? `: ${c.detail}` : ''}`)
  const failed = report.checks.filter((c) => !c.ok)
  if (failed.length > 0) throw new SetupVerificationError(failed)
  console.log(`setup verified: ${report.manifest.circuit}, ${report.manifest.constraints} constraints, ${report.contributions.length} contributions`)
}
