import { describe, expect, test } from 'vitest'
import { QueueFullError, QueueTimeoutError, createBoundedQueue } from './bounded-queue.js'

const deferred = () => {
  let resolve!: (v: string) => void
  const promise = new Promise<string>((r) => (resolve = r))
  return { promise, resolve }
}

describe('createBoundedQueue', () => {
  test('runs at most `concurrency` jobs, in FIFO order, and refuses beyond `maxQueue` with a Retry-After', async () => {
    const depths: number[] = []
    const q = createBoundedQueue({ concurrency: 1, maxQueue: 1, onDepth: (d) => depths.push(d), estimateJobMs: () => 3000 })
    const a = deferred()
    const b = deferred()
    const order: string[] = []
    const ra = q.run(
      () => {
        order.push('a')
        return a.promise
      },
      { timeoutMs: 5000 },
    )
    const rb = q.run(
      () => {
        order.push('b')
        return b.promise
      },
      { timeoutMs: 5000 },
    )
    expect([q.running, q.waiting]).toEqual([1, 1])
    const refused = q.run(async () => 'c', { timeoutMs: 5000 })
    await expect(refused).rejects.toBeInstanceOf(QueueFullError)
    await expect(refused).rejects.toMatchObject({ retryAfterSeconds: 6 }) // (1 waiting + 1) * 3 s / 1 worker
    a.resolve('A')
    expect(await ra).toBe('A')
    b.resolve('B')
    expect(await rb).toBe('B')
    expect(order).toEqual(['a', 'b'])
    expect(depths.at(-1)).toBe(0)
  })

  test('a job that waits past its timeout leaves the queue; a running one is reported as started', async () => {
    const q = createBoundedQueue({ concurrency: 1, maxQueue: 2 })
    const slow = deferred()
    const running = q.run(() => slow.promise, { timeoutMs: 50 })
    let ran = false
    const waiting = q.run(
      async () => {
        ran = true
        return 'x'
      },
      { timeoutMs: 30 },
    )
    await expect(waiting).rejects.toMatchObject({ name: 'QueueTimeoutError', details: 'No worker became free in time.' })
    expect(q.waiting).toBe(0)
    await expect(running).rejects.toBeInstanceOf(QueueTimeoutError)
    await expect(running).rejects.toMatchObject({ details: 'The proof was still running.' })
    slow.resolve('late')
    // A job queued now can only start once the slow one has freed its slot; the queue is FIFO,
    // so if the timed-out job were still waiting it would have run first.
    await expect(q.run(async () => 'after', { timeoutMs: 1000 })).resolves.toBe('after')
    expect(ran).toBe(false)
    expect(q.running).toBe(0)
  })
})
