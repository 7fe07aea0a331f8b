import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { compileForTest, REPO_ROOT, type TestBuild } from './helpers/compile-for-test.js'
import { parseInspectWarnings, templatesDefinedIn, type InspectWarning } from './helpers/inspect-warnings.js'

/** 2^13 = the proving domain; it must hold constraints + public inputs + 1. */
const DOMAIN = 2 ** 13
const PUBLIC_INPUTS = 4

let build: TestBuild
let warnings: InspectWarning[]

beforeAll(async () => {
  build = await compileForTest('circuits/compliance.circom', { inspect: true })
  warnings = parseInspectWarnings(build.log)
})

afterAll(async () => {
  await build?.remove()
})

describe('circom --inspect on compliance.circom', () => {
  test('no warning comes from a project template (circuits/)', async () => {
    const project = await templatesDefinedIn(join(REPO_ROOT, 'circuits/src'))
    project.add('Compliance')
    expect(project.size).toBeGreaterThan(5)
    expect(warnings.filter((w) => project.has(w.template))).toEqual([])
  })

  test('every remaining warning is inside circomlib and is explained in circuits/README.md', async () => {
    const circomlib = await templatesDefinedIn(join(REPO_ROOT, 'node_modules/circomlib/circuits'))
    const readme = await readFile(join(REPO_ROOT, 'circuits/README.md'), 'utf8')
    for (const w of warnings) {
      expect(circomlib.has(w.template), `${w.template} is not a circomlib template`).toBe(true)
      expect(readme, `circuits/README.md does not explain ${w.code} in ${w.template}`).toContain(`| ${w.code} | \`${w.template}\``)
    }
  })

  test(`stays inside the 2^13 proving domain (at most ${DOMAIN - PUBLIC_INPUTS - 1} constraints)`, () => {
    const constraints = Number(/non-linear constraints: (\d+)/.exec(build.log)?.[1]) + Number(/(?<!non-)linear constraints: (\d+)/.exec(build.log)?.[1])
    const publicInputs = Number(/public inputs: (\d+)/.exec(build.log)?.[1])
    expect(publicInputs).toBe(PUBLIC_INPUTS)
    expect(constraints).toBeGreaterThan(0)
    expect(constraints + publicInputs + 1).toBeLessThanOrEqual(DOMAIN)
  })
})
