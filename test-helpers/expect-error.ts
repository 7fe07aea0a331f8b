import { expect } from 'vitest'

/** Awaits `promise`, expects it to reject with `errorClass`, and returns the error for further assertions. */
export async function expectError<error extends Error>(promise: Promise<unknown>, errorClass: new (...args: never[]) => error): Promise<error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(errorClass)
  return error as error
}
