import { defineConfig } from 'vitest/config'
import { playwright } from '@vitest/browser-playwright'
import { defaultClientConditions, defaultServerConditions } from 'vite'
// By path, not `@proofx/sdk/cross-origin-isolation`: vite bundles this config before any resolve.conditions
// apply, so the package name would resolve to sdk/dist, which a test run must not need.
import { crossOriginIsolationHeaders } from './sdk/src/worker/cross-origin-isolation-headers.js'
import { findExecutable } from './scripts/provision/find-tools.mjs'

// Node 20 lacks Map.groupBy / Object.groupBy, which vitest 5's reporter calls when a test fails.
type GroupBy = <K, T>(items: Iterable<T>, key: (item: T, index: number) => K) => Map<K, T[]>
const mapWithGroupBy = Map as unknown as { groupBy?: GroupBy }
mapWithGroupBy.groupBy ??= (items, key) => {
  const groups = new Map()
  let i = 0
  for (const item of items) {
    const k = key(item, i++)
    groups.set(k, [...(groups.get(k) ?? []), item])
  }
  return groups
}
const objectWithGroupBy = Object as unknown as {
  groupBy?: (items: Iterable<unknown>, key: (item: unknown, index: number) => PropertyKey) => Record<PropertyKey, unknown[]>
}
objectWithGroupBy.groupBy ??= (items, key) => Object.fromEntries(mapWithGroupBy.groupBy!(items, key))

// One project per layer; `npm test` runs them one after another (scripts/test-all.mjs).
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

// Workspace packages resolve to their TypeScript sources (the `@proofx/source` export condition), so no
// test run needs a build first; the published `default` condition still points at dist/.
const fromSource = {
  resolve: { conditions: ['@proofx/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@proofx/source', ...defaultServerConditions] } },
}

export default defineConfig({
  test: {
    // The sdk, cli, browser and e2e projects run each file's tests in a shuffled order, so a test that
    // leans on an earlier one's state fails here; files whose steps are a journey by design say so with
    // { shuffle: false }. The seed is fixed here, so CI (`npm test`) and every local run repeat the same order; try
    // others with `--sequence.seed=N`.
    sequence: { seed: 2 },
    projects: [
      {
        ...fromSource,
        test: { name: 'circuits', include: ['circuits/test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 600_000, fileParallelism: false },
      },
      {
        ...fromSource,
        test: {
          name: 'sdk',
          include: ['sdk/src/**/*.test.ts', 'sdk/src/**/*.test.tsx'],
          exclude: ['sdk/src/**/*.browser.test.ts', 'sdk/src/**/*.browser.test.tsx'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          sequence: { shuffle: { tests: true } },
          typecheck: { enabled: true, tsconfig: 'sdk/tsconfig.typecheck.json', include: ['sdk/src/**/*.test-d.ts', 'sdk/src/**/*.test-d.tsx'] },
        },
      },
      {
        ...fromSource,
        test: {
          name: 'cli',
          include: ['cli/src/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          sequence: { shuffle: { tests: true } },
        },
      },
      browserProject({
        name: 'browser',
        // Served like the demo page: cross-origin isolated (the worker's shared-buffer path runs).
        headers: crossOriginIsolationHeaders,
        include: ['sdk/src/**/*.browser.test.ts', 'sdk/src/**/*.browser.test.tsx'],
        exclude: ['sdk/src/**/*.not-isolated.browser.test.ts'],
      }),
      // A page served without COOP/COEP, as many dApps are: no SharedArrayBuffer, the engine single-threaded.
      browserProject({ name: 'browser-not-isolated', headers: {}, include: ['sdk/src/**/*.not-isolated.browser.test.ts'], exclude: [] }),
      {
        ...fromSource,
        test: {
          name: 'e2e',
          include: ['test/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
          fileParallelism: false,
          sequence: { shuffle: { tests: true } },
        },
      },
    ],
  },
})

/** Real Chromium through vitest's browser mode; `headers` are what the test page is served with. */
function browserProject({ name, headers, include, exclude }: { name: string; headers: Record<string, string>; include: string[]; exclude: string[] }) {
  return {
    ...fromSource,
    server: { headers },
    optimizeDeps: {
      include: [
        'circom_runtime',
        'snarkjs',
        'comlink',
        'viem',
        'zod',
        'idb',
        'poseidon-lite/poseidon2',
        'poseidon-lite/poseidon5',
        'poseidon-lite/poseidon9',
        '@zk-kit/lean-imt',
        'react',
        'react-dom',
        'react-dom/client',
        '@tanstack/react-query',
        'wagmi',
      ],
    },
    test: {
      name,
      // Pre-bundled up front: a dependency discovered mid-run makes Vite reload the page under a running test.
      include,
      exclude,
      testTimeout: 120_000,
      sequence: { shuffle: { tests: true } },
      globalSetup: ['scripts/provision/require-chromium.mjs'],
      browser: {
        enabled: true,
        headless: true,
        provider: playwright({ launchOptions: { executablePath: findExecutable('chromium'), args: chromiumArgs } }),
        instances: [{ browser: 'chromium' as const }],
      },
    },
  }
}
