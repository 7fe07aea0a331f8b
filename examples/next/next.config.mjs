import { crossOriginIsolationHeaders } from '@proofx/sdk'

// The one ProofX line: cross-origin isolation lets the prover share buffers with its threads (faster, optional).
/** @type {import('next').NextConfig} */
export default {
  headers: async () => [{ source: '/:path*', headers: Object.entries(crossOriginIsolationHeaders).map(([key, value]) => ({ key, value })) }],
}
