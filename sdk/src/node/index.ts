// @proofx/sdk/node: what a dApp's Node script needs to prove (artifacts from a directory, a worker thread).
// Only node: built-ins; the servers, monitor, admin and setup are the `proofx` CLI's (@proofx/cli).
/// <reference types="node" />
export { artifactsFromDirectory } from './artifacts-from-directory.js'
export { spawnNodeWorker, type NodeWorkerHandle } from '../worker/spawn-node-worker.js'
