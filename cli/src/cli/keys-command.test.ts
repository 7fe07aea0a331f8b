import { tmpdir } from 'node:os'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { runProofx } from '../../../test/helpers/proofx-cli.js'
import { keysCommand, keysOptions, keysUsage } from './keys-command.js'

describe('proofx keys --help', () => {
  afterEach(() => vi.restoreAllMocks())

  test.each([['--help'], ['-h'], ['help'], ['audit', '--help'], ['new', '--help']])(
    'proofx keys %s prints the full help and touches no chain or file',
    async (...argv) => {
      const printed: string[] = []
      vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line))
      await keysCommand(argv)
      expect(printed).toEqual([keysUsage])
      expect(keysUsage.split('\n').length).toBeGreaterThan(5)
    },
  )

  test('documents every command and every option it accepts', () => {
    for (const command of Object.keys(keysOptions)) expect(keysUsage, command).toMatch(new RegExp(`^  ${command} `, 'm'))
    const undocumented = Object.values(keysOptions)
      .flatMap((options) => Object.keys(options))
      .filter((name) => name !== 'help')
      .filter((name) => !keysUsage.includes(`--${name}`))
    expect(undocumented).toEqual([])
  })

  test('the proofx process: `proofx keys --help` exits 0 with the help on stdout', async () => {
    const run = await runProofx(['keys', '--help'], { cwd: tmpdir() })
    expect(run).toMatchObject({ code: 0, stderr: '' })
    expect(run.stdout).toBe(`${keysUsage}\n`)
  })

  test('no command, or an unknown one, fails with the full help', async () => {
    for (const argv of [[], ['rotate']]) await expect(keysCommand(argv)).rejects.toThrow(keysUsage)
  })
})
