import { readFile, rename, writeFile } from 'node:fs/promises'
import type { Address } from 'viem'

/**
 * Where the monitor resumes. `nextBlock` is the first block not fully handled; `cursor` the last log of
 * that block range already emitted, so a crash mid-range neither loses nor repeats alerts.
 */
export type Checkpoint = {
  chainId: number
  contract: Address
  nextBlock: string
  cursor?: { blockNumber: string; logIndex: number } | undefined
  updatedAt: string
}

export async function readCheckpoint(path: string): Promise<Checkpoint | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Checkpoint
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** Write-then-rename, so a crash never leaves a half-written checkpoint. */
export async function writeCheckpoint(path: string, checkpoint: Omit<Checkpoint, 'updatedAt'>): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`
  await writeFile(tmp, JSON.stringify({ ...checkpoint, updatedAt: new Date().toISOString() }, null, 2))
  await rename(tmp, path)
}
