// `proofx monitor` across a crash and restarts: every alert is emitted exactly once, in chain order.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { jsonLinesSink, type Alert, createMonitor, readCheckpoint } from '@proofx/cli'
import { account, createDrillEnv, type DrillEnv } from './helpers/drill-env.js'

describe('monitor restart', () => {
  let env: DrillEnv
  beforeAll(async () => {
    env = await createDrillEnv()
  })
  afterAll(() => env?.stop())

  test('a crash mid-range and two restarts lose and repeat nothing', async () => {
    await env.adminRun('grant-signer', { account: account(1).address })
    await env.adminRun('rotate-signer', { old: account(1).address, new: account(2).address })
    await env.adminRun('pause')
    await env.adminRun('unpause')

    // Reference: one uninterrupted pass with its own checkpoint.
    const reference: Alert[] = []
    await createMonitor({
      client: env.publicClient,
      contract: env.deployment.proxy,
      checkpointPath: `${env.dir}/reference.json`,
      fromBlock: env.deployment.deployBlock,
      sinks: [
        async (a) => {
          reference.push(a)
        },
      ],
    }).catchUp()
    expect(reference.filter((a) => a.severity === 'high').map((a) => a.event)).toEqual([
      'RoleGranted',
      'RoleGranted',
      'RoleGranted',
      'RoleAdminChanged',
      'RoleGranted',
      'RoleGranted',
      'RoleRevoked',
      'Paused',
    ])

    // The process dies while emitting the 6th alert (after the file sink wrote 5).
    let written = 0
    const crashing = createMonitor({
      client: env.publicClient,
      contract: env.deployment.proxy,
      checkpointPath: env.checkpointFile,
      fromBlock: env.deployment.deployBlock,
      sinks: [
        async () => {
          if (written === 5) throw new Error('killed')
        },
        jsonLinesSink(env.alertsFile),
        async () => {
          written++
        },
      ],
    })
    await expect(crashing.catchUp()).rejects.toThrow('killed')
    expect((await readCheckpoint(env.checkpointFile))?.cursor).toBeDefined()

    const restart = () =>
      createMonitor({
        client: env.publicClient,
        contract: env.deployment.proxy,
        checkpointPath: env.checkpointFile,
        fromBlock: env.deployment.deployBlock,
        sinks: [jsonLinesSink(env.alertsFile)],
      })
    await restart().catchUp()
    const lines = () =>
      readFileSync(env.alertsFile, 'utf8')
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as Alert).id)
    expect(lines()).toEqual(reference.map((a) => a.id))

    // Nothing new: a restart emits nothing. One new event: exactly one new line.
    expect(await restart().catchUp()).toEqual([])
    await env.adminRun('grant-signer', { account: account(3).address })
    const fresh = await restart().catchUp()
    expect(fresh.map((a) => [a.event, a.data.account])).toEqual([['RoleGranted', account(3).address]])
    expect(lines()).toHaveLength(reference.length + 1)
  })
})
