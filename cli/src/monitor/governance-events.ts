import { getSafeL2SingletonDeployment } from '@safe-global/safe-deployments'
import type { Abi, AbiEvent } from 'viem'
import { timelockAbi } from '../admin/timelock.js'

/** Events of the Safe that holds DEFAULT_ADMIN_ROLE the monitor alerts on (from the official Safe 1.4.1 L2 ABI). */
const SAFE_EVENTS = [
  'AddedOwner',
  'RemovedOwner',
  'ChangedThreshold',
  'ChangedGuard',
  'EnabledModule',
  'DisabledModule',
  'ChangedFallbackHandler',
  'ExecutionSuccess',
  'ExecutionFailure',
]
/** Events of the TimelockController that holds UPGRADER_ROLE (its AccessControl events are the verifier's too). */
const TIMELOCK_EVENTS = ['CallScheduled', 'CallExecuted', 'Cancelled', 'MinDelayChange']

const events = (abi: Abi, names: string[]) => abi.filter((item): item is AbiEvent => item.type === 'event' && names.includes(item.name))

/** The governance events the monitor decodes besides the verifier's own: Safe owner changes and timelock operations. */
export function governanceEventsAbi(): AbiEvent[] {
  const safe = getSafeL2SingletonDeployment({ version: '1.4.1' })
  if (!safe) throw new Error('@safe-global/safe-deployments has no Safe 1.4.1 L2 ABI')
  return [...events(safe.abi as Abi, SAFE_EVENTS), ...events(timelockAbi(), TIMELOCK_EVENTS)]
}
