import { appendFile } from 'node:fs/promises'
import { ProofXError } from '@proofx/sdk'
import { SEVERITY_RANK, type Alert, type Severity } from './classify-event.js'

export type AlertSink = (alert: Alert) => Promise<void>

export type WebhookFailedErrorType = WebhookFailedError & { name: 'WebhookFailedError' }
export class WebhookFailedError extends ProofXError {
  override name = 'WebhookFailedError' as const
  constructor({ url, status, cause }: { url: string; status?: number; cause?: unknown }) {
    super('The alert webhook did not accept the alert.', {
      details: `POST ${new URL(url).origin} -> ${status ?? 'no response'}`,
      cause,
      metaMessages: ['The checkpoint is not advanced: the alert is sent again on the next poll.'],
    })
  }
}

/** One JSON object per line, to a stream (stdout) or appended to a file. */
export function jsonLinesSink(target: { write: (line: string) => unknown } | string): AlertSink {
  return async (alert) => {
    const line = `${JSON.stringify(alert)}\n`
    if (typeof target === 'string') await appendFile(target, line)
    else target.write(line)
  }
}

/** POSTs alerts at or above `minSeverity` as JSON; retries, then throws so the monitor does not advance. */
export function webhookSink(
  url: string,
  { minSeverity = 'medium', retries = 3, timeoutMs = 5000 }: { minSeverity?: Severity; retries?: number; timeoutMs?: number } = {},
): AlertSink {
  return async (alert) => {
    if (SEVERITY_RANK[alert.severity] < SEVERITY_RANK[minSeverity]) return
    let last: { status?: number; cause?: unknown } = {}
    for (let attempt = 0; attempt < retries; attempt++) {
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(alert),
          signal: AbortSignal.timeout(timeoutMs),
        })
        if (res.ok) return
        last = { status: res.status }
      } catch (cause) {
        last = { cause }
      }
      await new Promise((r) => setTimeout(r, 200 * 2 ** attempt))
    }
    throw new WebhookFailedError({ url, ...last })
  }
}
