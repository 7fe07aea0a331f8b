import { useContext } from 'react'
import { ProofXContext } from '../context.js'
import type { ProofXConfig } from '../../config/create-proofx-config.js'
import { ProofXProviderNotFoundError } from '../errors.js'

export type UseProofXConfigParameters = { config?: ProofXConfig | undefined }

/** The config from the nearest `ProofXProvider`, or the one passed explicitly. */
export function useProofXConfig(parameters: UseProofXConfigParameters = {}): ProofXConfig {
  const context = useContext(ProofXContext)
  const config = parameters.config ?? context
  if (!config) throw new ProofXProviderNotFoundError()
  return config
}
