// `npm run demo`: anvil + contracts + the demo page, all local. Ctrl-C stops everything it started.
import { startDemo } from './demo/start-demo.js'

const port = process.env.PORT ? Number(process.env.PORT) : 5173
const anvilPort = process.env.ANVIL_PORT ? Number(process.env.ANVIL_PORT) : 8545

const demo = await startDemo({ port, anvilPort, log: (line) => console.log(line) })
console.log(
  `\nProofX demo ready: ${demo.url}\n  Open it in Chromium, connect "Anvil dev account (local only)", get a sample credential, prove, submit.\n  Ctrl-C to stop anvil and the page.`,
)

let stopping = false
const shutdown = async () => {
  if (stopping) return
  stopping = true
  console.log('\nStopping the demo…')
  await demo.stop()
  process.exit(0)
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
