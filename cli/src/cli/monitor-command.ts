import { parseArgs } from 'node:util'
import { chainParseOptions, resolveChainTarget } from '../admin/chain-options.js'
import { jsonLinesSink, webhookSink, type AlertSink } from '../monitor/alert-sinks.js'
import type { Severity } from '../monitor/classify-event.js'
import { createMonitor } from '../monitor/create-monitor.js'

export const monitorUsage = [
  'usage: proofx monitor (--deployment deployments/<id>.json | --contract 0x..) [--rpc url] [options]',
  '  --checkpoint <file>            where the last processed block is kept (default proofx-monitor.checkpoint.json)',
  '  --from-block <n>               start here when there is no checkpoint (default: the deployment block)',
  '  --confirmations <n>            blocks to wait before alerting on an event (default 0)',
  '  --gas-baseline <gas>           alert on a proof submission that uses more gas than this (or PROOFX_GAS_BASELINE)',
  '  --out <file>                   also append alerts as JSON lines to this file',
  '  --webhook <url>                POST alerts here (or PROOFX_ALERT_WEBHOOK)',
  '  --webhook-min-severity <s>     info | medium | high (default medium)',
  '  --poll-interval-ms <ms>        how often to poll the chain (default 4000)',
  '  --once                         catch up to the current head, then exit',
  '  --quiet                        do not print alerts on stdout',
].join('\n')

/** A function: the env defaults are read when the command runs. */
export const monitorOptions = () =>
  ({
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
    help: { type: 'boolean', default: false },
  }) as const

/**
 * proofx monitor: playbook alerts from the proxy's events as JSON lines (stdout and/or --out file),
 * optionally POSTed to --webhook. Resumes from --checkpoint; --once stops at the current head.
 */
export async function monitorCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: monitorOptions(),
  })
  if (values.help) {
    console.log(monitorUsage)
    return
  }
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
