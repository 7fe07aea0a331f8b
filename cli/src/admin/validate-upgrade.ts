import { existsSync, readFileSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { validateUpgradeSafety } from '@openzeppelin/upgrades-core'
import { ProofXError } from '@proofx/sdk'

export type UnsafeUpgradeErrorType = UnsafeUpgradeError & { name: 'UnsafeUpgradeError' }
/** The new implementation fails OpenZeppelin's upgrade-safety validation (storage layout, constructors, ...): nothing was sent. */
export class UnsafeUpgradeError extends ProofXError {
  override name = 'UnsafeUpgradeError' as const
  readonly field = 'artifact'
  readonly contract: string
  /** The validator's report, as @openzeppelin/upgrades-core words it. */
  readonly report: string
  constructor({ contract, report }: { contract: string; report: string }) {
    super(`Refusing to upgrade to ${contract}: it is not upgrade-safe from its reference.`, {
      details: report,
      metaMessages: ['Nothing was sent. Fix the storage layout (append fields, keep ERC-7201 namespaces as they are) and build again.'],
    })
    this.contract = contract
    this.report = report
  }
}

export type UpgradeValidationUnavailableErrorType = UpgradeValidationUnavailableError & { name: 'UpgradeValidationUnavailableError' }
/** The upgrade cannot be validated (no build info, no reference): refused rather than sent unchecked. */
export class UpgradeValidationUnavailableError extends ProofXError {
  override name = 'UpgradeValidationUnavailableError' as const
  readonly field: string
  readonly rule: string
  constructor({ field, rule, cause }: { field: string; rule: string; cause?: unknown }) {
    super(`Cannot validate the upgrade: "${field}" ${rule}.`, {
      cause,
      metaMessages: [
        'Build with build info and storage layouts (foundry.toml: build_info = true, extra_output = ["storageLayout"]), point --build-info-dir at it,',
        'and name the implementation the proxy runs now with --reference or a @custom:oz-upgrades-from tag on the new contract. Nothing was sent.',
      ],
    })
    this.field = field
    this.rule = rule
  }
}

export type ValidateUpgradeParameters = {
  /** Foundry artifact of the new implementation (out/<File>.sol/<Name>.json). */
  artifact: string
  /** Build info of the build that made it. Default: build-info/ next to the artifact's Foundry output directory. */
  buildInfoDir?: string | undefined
  /** The implementation the proxy runs now, e.g. "contracts/src/ProofXVerifier.sol:ProofXVerifier". Default: the new contract's @custom:oz-upgrades-from. */
  reference?: string | undefined
  /** Build info directories of earlier releases, for references written "<dirName>:Contract". */
  referenceBuildInfoDirs?: string[] | undefined
}

/** The contract an artifact holds, fully qualified ("contracts/src/X.sol:X"), from the metadata Foundry writes into it. */
function contractOf(artifact: string): string {
  let target: Record<string, string> | undefined
  try {
    const json = JSON.parse(readFileSync(artifact, 'utf8')) as { metadata?: { settings?: { compilationTarget?: Record<string, string> } } | string }
    const metadata = typeof json.metadata === 'string' ? JSON.parse(json.metadata) : json.metadata
    target = metadata?.settings?.compilationTarget
  } catch (cause) {
    throw new UpgradeValidationUnavailableError({ field: 'artifact', rule: `cannot be read as a Foundry artifact (${artifact})`, cause })
  }
  const [source, name] = Object.entries(target ?? {})[0] ?? []
  if (!source || !name) throw new UpgradeValidationUnavailableError({ field: 'artifact', rule: `has no compilation target in its metadata (${artifact})` })
  return `${source}:${name}`
}

/**
 * Validates a new implementation with @openzeppelin/upgrades-core (what openzeppelin-foundry-upgrades runs): storage
 * layout against the reference, no constructor state, no selfdestruct or delegatecall. Throws UnsafeUpgradeError with
 * the validator's report when it fails, UpgradeValidationUnavailableError when it cannot run.
 */
export function validateUpgrade(parameters: ValidateUpgradeParameters): Promise<{ contract: string; reference: string | undefined }> {
  // An admin operation plans its steps more than once: validate each artifact once per build.
  const key = JSON.stringify({ ...parameters, built: statSync(parameters.artifact, { throwIfNoEntry: false })?.mtimeMs })
  let validation = validations.get(key)
  if (!validation) {
    validation = validate(parameters)
    validations.set(key, validation)
    validation.catch(() => validations.delete(key))
  }
  return validation
}

const validations = new Map<string, Promise<{ contract: string; reference: string | undefined }>>()

async function validate({
  artifact,
  buildInfoDir,
  reference,
  referenceBuildInfoDirs,
}: ValidateUpgradeParameters): Promise<{ contract: string; reference: string | undefined }> {
  const contract = contractOf(artifact)
  const dir = buildInfoDir ?? join(dirname(dirname(artifact)), 'build-info')
  if (!existsSync(dir)) throw new UpgradeValidationUnavailableError({ field: 'build-info-dir', rule: `does not exist (${dir})` })
  let report: Awaited<ReturnType<typeof validateUpgradeSafety>>
  try {
    report = await validateUpgradeSafety(dir, contract, reference, { requireReference: true }, referenceBuildInfoDirs)
  } catch (cause) {
    // The validator's own errors (no such contract, no reference, a build without storage layouts) say what is missing.
    const message = cause instanceof Error ? cause.message : String(cause)
    throw new UpgradeValidationUnavailableError({
      field: reference ? 'reference' : basename(artifact),
      rule: `was refused by the validator: ${message}`,
      cause,
    })
  }
  if (!report.ok) throw new UnsafeUpgradeError({ contract, report: report.explain(false) })
  return { contract, reference }
}
