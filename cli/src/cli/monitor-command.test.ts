import { afterEach, describe, expect, it, vi } from 'vitest'
import { monitorCommand, monitorOptions, monitorUsage } from './monitor-command.js'

describe('proofx monitor --help', () => {
  afterEach(() => vi.restoreAllMocks())

  it('prints the usage and exits without touching a chain', async () => {
    const printed: string[] = []
    vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line))
    await monitorCommand(['--help'])
    expect(printed).toEqual([monitorUsage])
  })

  it('documents every option it accepts', () => {
    const undocumented = Object.keys(monitorOptions())
      .filter((name) => name !== 'help')
      .filter((name) => !monitorUsage.includes(`--${name}`))
    expect(undocumented).toEqual([])
  })
})
