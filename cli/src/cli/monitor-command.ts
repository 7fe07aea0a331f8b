import { parseArgs } from 'node:util'
import { chainParseOptions, resolveChainTarget } from '../admin/chain-options.js'
import { jsonLinesSink, webhookSink, type AlertSink } from '../monitor/alert-sinks.js'
import type { Severity } from '../monitor/classify-event.js'
import { createMonitor } from '../monitor/create-monitor.js'

/**
 * proofx monitor: playbook alerts from the proxy's events as JSON lines (stdout and/or --out file),
 * optionally POSTed to --webhook. Resumes from --checkpoint; --once stops at the current head.
 */
export async function monitorCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...chainParseOptions,
      checkpoint: { type: 'string', default: 'proofx-monitor.checkpoint.json' },
      'from-block': { type: 'string' },
      confirmations: { type: 'string', default: '0' },
      'gas-baseline': { type: 'string', default: process.env.PROOFX_GAS_BASELINE },
      out: { type: 'string' },
      webhook: { type: 'string', default: process.env.PROOFX_ALERT_WEBHOOK },
      'webhook-min-severity': { type: 'string', default: 'medium' },
      'poll-interval-ms': { type: 'string', default: '4000' },
      once: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
  })
  const target = await resolveChainTarget(values)
  const sinks: AlertSink[] = []
  if (values.webhook) sinks.push(webhookSink(values.webhook, { minSeverity: values['webhook-min-severity'] as Severity }))
  if (values.out) sinks.push(jsonLinesSink(values.out))
  if (!values.quiet) sinks.push(jsonLinesSink(process.stdout))
  const monitor = createMonitor({
    client: target.publicClient,
    contract: target.contract,
    checkpointPath: values.checkpoint,
    fromBlock: values['from-block'] !== undefined ? BigInt(values['from-block']) : target.deployBlock,
    confirmations: Number(values.confirmations),
    gasBaseline: values['gas-baseline'] ? BigInt(values['gas-baseline']) : undefined,
    governance: target.governance,
    sinks,
  })
  if (values.once) {
    await monitor.catchUp()
    return
  }
  monitor.watch({
    pollingInterval: Number(values['poll-interval-ms']),
    onError: (error) => console.error(JSON.stringify({ level: 'error', error: error instanceof Error ? error.message : String(error) })),
  })
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve)
    process.once('SIGINT', resolve)
  })
}
