#!/usr/bin/env node
// The proofx command line: one sub-command per job.
const [command, ...rest] = process.argv.slice(2)

const commands: Record<string, () => Promise<{ [k: string]: (argv: string[]) => Promise<void> }>> = {
  setup: () => import('./setup-command.js').then((m) => ({ run: m.setupCommand })),
  serve: () => import('./serve-command.js').then((m) => ({ run: m.serveCommand })),
  monitor: () => import('./monitor-command.js').then((m) => ({ run: m.monitorCommand })),
  deploy: () => import('./deploy-command.js').then((m) => ({ run: m.deployCommand })),
  admin: () => import('./admin-command.js').then((m) => ({ run: m.adminCommand })),
  keys: () => import('./keys-command.js').then((m) => ({ run: m.keysCommand })),
  issuer: () => import('./issuer-command.js').then((m) => ({ run: (argv: string[]) => m.issuerCommand(argv) })),
  policy: () => import('./policy-command.js').then((m) => ({ run: (argv: string[]) => m.policyCommand(argv) })),
  'setup-verify': () => import('./verify-setup-command.js').then((m) => ({ run: m.verifySetupCommand })),
}

async function main(): Promise<void> {
  const load = command ? commands[command] : undefined
  if (!load) {
    console.error(`usage: proofx <${Object.keys(commands).join('|')}> [options]`)
    process.exit(command ? 2 : 0)
  }
  const mod = await load()
  await mod.run!(rest)
  process.exit() // honours process.exitCode; exits even if a library left threads running
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
