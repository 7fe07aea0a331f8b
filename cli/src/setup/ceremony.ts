import { randomBytes } from 'node:crypto'
import { copyFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import * as snarkjs from 'snarkjs'
import { getCurveFromName } from 'ffjavascript'
import { contributionHashHex } from './hash-file.js'

export type Contribution = { phase: 1 | 2; name: string; hash: string }
export type Beacon = { hash: string; iterationsExp: number }

export type Phase1Parameters = {
  workDir: string
  power: number
  contributors: string[]
  beacon: Beacon
  /** An external, already prepared .ptau (e.g. from a public ceremony): phase 1 is then skipped. */
  externalPtau?: string
  logger?: snarkjs.Logger
}

/**
 * Phase 1 (Powers of Tau): a new accumulator, one contribution per named contributor with fresh
 * entropy, a final beacon, then preparation for phase 2. Returns the prepared .ptau path.
 */
export async function runPhase1({
  workDir,
  power,
  contributors,
  beacon,
  externalPtau,
  logger,
}: Phase1Parameters): Promise<{ ptau: string; contributions: Contribution[] }> {
  const prepared = join(workDir, `pot${power}_final.ptau`)
  if (externalPtau) {
    await copyFile(externalPtau, prepared)
    return { ptau: prepared, contributions: [] }
  }
  const curve = await getCurveFromName('bn128')
  const contributions: Contribution[] = []
  try {
    let current = join(workDir, 'pot_0000.ptau')
    await snarkjs.powersOfTau.newAccumulator(curve, power, current, logger)
    for (const [i, name] of contributors.entries()) {
      const next = join(workDir, `pot_${String(i + 1).padStart(4, '0')}.ptau`)
      const hash = await snarkjs.powersOfTau.contribute(current, next, name, randomBytes(32).toString('hex'), logger)
      contributions.push({ phase: 1, name, hash: contributionHashHex(hash, `phase-1 contribution of ${name}`) })
      await rm(current)
      current = next
    }
    const beaconed = join(workDir, 'pot_beacon.ptau')
    const beaconHash = await snarkjs.powersOfTau.beacon(current, beaconed, 'Final beacon phase 1', beacon.hash, beacon.iterationsExp, logger)
    contributions.push({ phase: 1, name: 'Final beacon phase 1', hash: contributionHashHex(beaconHash, 'phase-1 beacon') })
    await rm(current)
    await snarkjs.powersOfTau.preparePhase2(beaconed, prepared, logger)
    await rm(beaconed)
  } finally {
    await curve.terminate()
  }
  return { ptau: prepared, contributions }
}

export type Phase2Parameters = {
  workDir: string
  name: string
  r1cs: string
  ptau: string
  contributors: string[]
  beacon: Beacon
  logger?: snarkjs.Logger
}

/** Phase 2 (circuit specific): the initial zkey, named contributions, a final beacon. Returns the final zkey. */
export async function runPhase2({
  workDir,
  name,
  r1cs,
  ptau,
  contributors,
  beacon,
  logger,
}: Phase2Parameters): Promise<{ zkey: string; contributions: Contribution[] }> {
  const contributions: Contribution[] = []
  let current = join(workDir, `${name}_0000.zkey`)
  await snarkjs.zKey.newZKey(r1cs, ptau, current, logger)
  for (const [i, contributor] of contributors.entries()) {
    const next = join(workDir, `${name}_${String(i + 1).padStart(4, '0')}.zkey`)
    const hash = await snarkjs.zKey.contribute(current, next, contributor, randomBytes(32).toString('hex'), logger)
    contributions.push({ phase: 2, name: contributor, hash: contributionHashHex(hash, `phase-2 contribution of ${contributor}`) })
    await rm(current)
    current = next
  }
  const final = join(workDir, `${name}.zkey`)
  const beaconHash = await snarkjs.zKey.beacon(current, final, 'Final beacon phase 2', beacon.hash, beacon.iterationsExp, logger)
  contributions.push({ phase: 2, name: 'Final beacon phase 2', hash: contributionHashHex(beaconHash, 'phase-2 beacon') })
  await rm(current)
  return { zkey: final, contributions }
}
