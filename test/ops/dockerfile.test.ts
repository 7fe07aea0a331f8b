import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'

// No Docker daemon here: a small lint of ops/Dockerfile (the rules hadolint and the playbook care about).
const root = fileURLToPath(new URL('../../', import.meta.url))
const text = readFileSync(`${root}ops/Dockerfile`, 'utf8')
const instructions = text
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => {
    const [op, ...rest] = l.split(/\s+/)
    return { op: op!.toUpperCase(), args: rest.join(' ') }
  })
const stages = instructions.reduce<{ from: string; body: typeof instructions }[]>((acc, i) => {
  if (i.op === 'FROM') acc.push({ from: i.args, body: [] })
  else acc.at(-1)?.body.push(i)
  return acc
}, [])

describe('ops/Dockerfile', () => {
  test('multi-stage, with pinned base images (no :latest)', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2)
    for (const s of stages) expect(s.from).toMatch(/^[\w./-]+:\d[\w.-]*( AS \w+)?$/i)
  })

  test('the final stage runs as a non-root numeric user, matching the k8s runAsUser', () => {
    const users = stages
      .at(-1)!
      .body.filter((i) => i.op === 'USER')
      .map((i) => i.args)
    expect(users).toHaveLength(1)
    expect(users[0]).toMatch(/^[1-9]\d*(:[1-9]\d*)?$/)
    const k8s = readFileSync(`${root}ops/k8s/deployment.yaml`, 'utf8')
    expect(k8s).toContain(`runAsUser: ${users[0]!.split(':')[0]}`)
  })

  test('artifacts are copied root-owned and read-only; the runtime copies nothing else from the host', () => {
    const copies = stages.at(-1)!.body.filter((i) => i.op === 'COPY' && !i.args.includes('--from='))
    expect(copies).toHaveLength(1)
    expect(copies[0]!.args).toMatch(/--chown=0:0/)
    expect(copies[0]!.args).toMatch(/--chmod=0444/)
    for (const file of ['compliance.wasm', 'compliance.zkey', 'verification_key.json', 'manifest.json'])
      expect(copies[0]!.args).toContain(`circuits/artifacts/${file}`)
  })

  test('every host path it copies exists, and is not excluded by the dockerignore', () => {
    const ignore = readFileSync(`${root}ops/Dockerfile.dockerignore`, 'utf8')
    const sources = instructions
      .filter((i) => i.op === 'COPY' && !i.args.includes('--from='))
      .flatMap((i) =>
        i.args
          .split(/\s+/)
          .filter((a) => !a.startsWith('--'))
          .slice(0, -1),
      )
    expect(sources.length).toBeGreaterThan(3)
    for (const src of sources) {
      expect(existsSync(`${root}${src}`), src).toBe(true)
      const base = src.replace(/\/$/, '')
      expect(ignore.includes(`!${base}`) || ignore.includes(`!${base}/**`), `${src} re-included in the dockerignore`).toBe(true)
    }
  })

  test('no ADD, exec-form ENTRYPOINT into the proofx CLI, a HEALTHCHECK on /healthz', () => {
    expect(instructions.some((i) => i.op === 'ADD')).toBe(false)
    const entry = instructions.filter((i) => i.op === 'ENTRYPOINT').at(-1)!
    expect(JSON.parse(entry.args)).toEqual(['node', 'cli/dist/cli/proofx.js'])
    expect(instructions.find((i) => i.op === 'HEALTHCHECK')?.args).toContain('/healthz')
    expect(existsSync(`${root}cli/src/cli/proofx.ts`)).toBe(true)
  })
})
