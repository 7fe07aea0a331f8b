/// <reference types="node" />
import { InvalidDeploymentError } from '../errors/deployment.js'
import { parseDeployment } from './parse-deployment.js'
import type { ProofXDeployment } from './types.js'

type NodeFs = { existsSync(path: string): boolean; readFileSync(path: string, encoding: 'utf8'): string }
type NodeProcess = { getBuiltinModule?: (id: string) => unknown; cwd(): string; env: Record<string, string | undefined> }

/** node:fs without importing it, so browser bundles of the SDK never see a Node module. */
function nodeFs(): { fs: NodeFs; process: NodeProcess } | undefined {
  const process = (globalThis as { process?: NodeProcess }).process
  const fs = process?.getBuiltinModule?.('node:fs') as NodeFs | undefined
  return process && fs ? { fs, process } : undefined
}

/**
 * In Node, the deployment file the deploy script wrote: `$PROOFX_DEPLOYMENTS_DIR/<chainId>.json`, by default
 * `./deployments/<chainId>.json` under the working directory. Undefined in the browser or when there is no file.
 */
export function readDeploymentFile(chainId: number, directory?: string): ProofXDeployment | undefined {
  const node = nodeFs()
  if (!node) return undefined
  const dir = directory ?? node.process.env.PROOFX_DEPLOYMENTS_DIR ?? `${node.process.cwd()}/deployments`
  const path = `${dir.replace(/\/$/, '')}/${chainId}.json`
  if (!node.fs.existsSync(path)) return undefined
  let json: unknown
  try {
    json = JSON.parse(node.fs.readFileSync(path, 'utf8'))
  } catch (cause) {
    throw new InvalidDeploymentError({ field: '(file)', rule: 'not valid JSON', source: path, cause })
  }
  const deployment = parseDeployment(json, path)
  if (deployment.chainId !== chainId)
    throw new InvalidDeploymentError({ field: 'chainId', rule: `the file is named for chain ${chainId} but holds chain ${deployment.chainId}`, source: path })
  return deployment
}
