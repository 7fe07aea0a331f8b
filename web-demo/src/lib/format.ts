/** Short forms people can read and compare. */
export const shortHex = (hex: string, chars = 6) => (hex.length > 2 + chars * 2 ? `${hex.slice(0, 2 + chars)}…${hex.slice(-chars)}` : hex)

export const formatDate = (seconds: bigint | number) => new Date(Number(seconds) * 1000).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })

export const formatMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`)
