import type { Contribution } from './ceremony.js'
import type { SetupManifest } from './run-setup.js'

type Check = { name: string; ok: boolean; detail?: string }

/**
 * Compares the contributions the manifest claims with those the transcript files record, phase by phase.
 * With an external ptau the manifest lists no phase-1 contribution: the ptau's own are shown, not compared.
 */
export function compareContributions(manifest: SetupManifest, recorded: Contribution[]): Check[] {
  const phases = manifest.ceremony.externalPtau ? [2] : [1, 2]
  return phases.map((phase) => {
    const claimed = manifest.ceremony.contributions.filter((c) => c.phase === phase).map((c) => `${c.name}:${c.hash}`)
    const found = recorded.filter((c) => c.phase === phase).map((c) => `${c.name}:${c.hash}`)
    const ok = found.length > 0 && claimed.length === found.length && claimed.every((c, i) => c === found[i])
    return {
      name: `phase ${phase}: contribution hashes in the transcript equal the manifest's (${found.length})`,
      ok,
      detail: ok ? undefined : `manifest [${claimed.join(', ')}], transcript [${found.join(', ')}]`,
    }
  })
}
