// A loopback static server for the built bench page and the committed circuit artifacts. Artifacts are
// sent with `Cache-Control: no-store`, so only the SDK's Cache API can spare a download, and every
// artifact request is counted here (ground truth for "the second visit downloads nothing"). Pages are
// cross-origin isolated, as the demo is served, unless opened with `?isolation=off`.
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { crossOriginIsolationHeaders } from '@proofx/sdk'

const artifactsDir = fileURLToPath(new URL('../../circuits/artifacts/', import.meta.url))
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.zkey': 'application/octet-stream',
}

export type BenchServer = { origin: string; hits: (file: string) => number; close(): Promise<void> }

export async function serveBenchPage(pageDir: string): Promise<BenchServer> {
  const hits = new Map<string, number>()
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const path = decodeURIComponent(url.pathname)
    if (path === '/favicon.ico') {
      res.writeHead(204).end()
      return
    }
    const artifact = path.match(/^\/artifacts\/([\w.-]+)$/)?.[1]
    const file = artifact ? join(artifactsDir, artifact) : join(pageDir, normalize(path === '/' ? '/index.html' : path))
    if (!file.startsWith(artifact ? artifactsDir : pageDir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end()
      return
    }
    if (artifact) hits.set(artifact, (hits.get(artifact) ?? 0) + 1)
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': String(statSync(file).size),
      'cache-control': artifact ? 'no-store' : 'no-cache',
      ...(url.searchParams.get('isolation') === 'off' ? {} : crossOriginIsolationHeaders),
    })
    createReadStream(file).pipe(res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    hits: (file) => hits.get(file) ?? 0,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
