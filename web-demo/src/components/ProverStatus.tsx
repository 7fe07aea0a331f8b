import type { PreloadReturnType } from '@proofx/sdk'
import { useEffect, useState } from 'react'
import { formatMs } from '../lib/format.js'

/** Whether the prover has loaded the circuit and warmed its curve (main.tsx starts that on page load). */
export function ProverStatus({ preload }: { preload: Promise<PreloadReturnType> }) {
  const [state, setState] = useState<{ ready?: PreloadReturnType; failed?: boolean }>({})
  useEffect(() => {
    let live = true
    preload.then(
      (ready) => live && setState({ ready }),
      () => live && setState({ failed: true }),
    )
    return () => {
      live = false
    }
  }, [preload])
  const { ready, failed } = state
  return (
    <span
      className="badge"
      data-testid="prover-status"
      data-ready={ready ? 'true' : 'false'}
      title="The prover loads the circuit and warms up while you fill the form, so the first proof runs warm."
    >
      {ready
        ? `Prover ready (load ${formatMs(ready.loadArtifacts)}, warm-up ${formatMs(ready.warmCurve)})`
        : failed
          ? 'Prover will load on first proof'
          : 'Prover warming up…'}
    </span>
  )
}
