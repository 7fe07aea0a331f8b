/** A readable title and hint lines for any error the page shows (SDK errors carry both already). */
export type ErrorDescription = { title: string; hints: string[]; name: string }

const contractHints: Record<string, string> = {
  EnforcedPause: 'The verifier is paused by its operators: submissions are refused until it is unpaused.',
}

export function describeError(error: unknown): ErrorDescription {
  if (!error) return { title: 'Unknown error', hints: [], name: 'Error' }
  const e = error as { name?: string; shortMessage?: string; message?: string; metaMessages?: string[]; details?: string; cause?: unknown }
  // viem wraps contract reverts; the SDK decodes them into typed errors with a shortMessage.
  const reverted = findErrorName(error)
  if (reverted && contractHints[reverted]) return { title: contractHints[reverted], hints: [`Contract error: ${reverted}`], name: reverted }
  const title = e.shortMessage ?? e.message?.split('\n')[0] ?? String(error)
  const hints = (e.metaMessages ?? []).filter((line) => line.trim() && !line.startsWith('Contract Call:') && !/^\s+(address|function|args|sender):/.test(line))
  return { title, hints, name: e.name ?? 'Error' }
}

function findErrorName(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== 'object' || depth > 8) return undefined
  const e = error as { data?: { errorName?: string }; errorName?: string; cause?: unknown }
  return e.data?.errorName ?? e.errorName ?? findErrorName(e.cause, depth + 1)
}
