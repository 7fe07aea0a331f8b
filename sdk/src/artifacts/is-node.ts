/// <reference types="node" />
/** True in Node (main thread or worker_threads), false in browsers and web workers. */
export const isNode = () =>
  typeof process !== 'undefined' && typeof process.versions?.node === 'string' && typeof (globalThis as { window?: unknown }).window === 'undefined'

/**
 * Imports a Node built-in without letting bundlers see it: webpack and Vite leave a non-literal
 * specifier alone, so browser builds never try to resolve `node:fs` or `node:worker_threads`.
 */
export function importNodeModule<T>(specifier: string): Promise<T> {
  return import(/* webpackIgnore: true */ /* @vite-ignore */ specifier) as Promise<T>
}
