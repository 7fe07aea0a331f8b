/**
 * Response headers that make a page cross-origin isolated. In such a page the proving worker shares
 * the curve threads' buffers instead of copying them (about 1.8x faster proofs in Chromium, see
 * BENCHMARKS.md). Every subresource must then be same-origin or send `Cross-Origin-Resource-Policy`.
 */
export const crossOriginIsolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const
