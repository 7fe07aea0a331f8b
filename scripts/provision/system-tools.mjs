// The programs the test suites, the demo and the bench run that npm cannot install: one entry per program,
// with the Debian package that provides it. Add a tool here and postinstall, `npm test` and the error a
// test prints all follow.

/** @typedef {{ command: string, debianPackage: string, neededBy: string }} SystemTool */

/** @type {readonly SystemTool[]} */
export const systemTools = [
  { command: 'chromium', debianPackage: 'chromium', neededBy: 'the browser suite, the end-to-end demo tests and the bench' },
  { command: 'promtool', debianPackage: 'prometheus', neededBy: 'the Prometheus alert-rule tests (test/ops)' },
  { command: 'kubectl', debianPackage: 'kubernetes-client', neededBy: 'rendering the Kubernetes manifests (test/ops)' },
  { command: 'clang', debianPackage: 'clang', neededBy: "the proving engine's wasm rebuild test (sdk/engine-src)" },
  { command: 'wasm-ld', debianPackage: 'lld', neededBy: "the proving engine's wasm rebuild test (sdk/engine-src)" },
]
