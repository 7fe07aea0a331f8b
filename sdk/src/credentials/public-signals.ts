/**
 * The compliance circuit's public signals, in circuit order (`component main {public [...]}` in the committed
 * circuit): the one place their layout is written. circuits/test/stale-artifacts.test.ts checks it against the
 * compiled circuit's symbols and the committed r1cs and verification key.
 */
export const PUBLIC_SIGNAL_NAMES = ['issuerKeyHash', 'nullifier', 'policyHash', 'context'] as const

export type PublicSignalName = (typeof PUBLIC_SIGNAL_NAMES)[number]

/** How many public signals the compliance circuit has. */
export const PUBLIC_SIGNAL_COUNT = PUBLIC_SIGNAL_NAMES.length

/** Position of each public signal. `context` packs subject, timestamp and scope tag: read them with `unpackContext`. */
export const publicSignalIndex = Object.freeze(Object.fromEntries(PUBLIC_SIGNAL_NAMES.map((name, index) => [name, index]))) as Readonly<
  Record<PublicSignalName, number>
>

/**
 * The values packed into the `context` signal, low bits first, with their widths (the circuit range-checks each):
 * `context = subject + now * 2^160 + scopeTag * 2^200`, what the contract builds as
 * `uint160(subject) | timestamp << 160 | scopeTag << 200`.
 */
export const CONTEXT_FIELDS = [
  { name: 'subject', bits: 160n },
  { name: 'now', bits: 40n },
  { name: 'scopeTag', bits: 53n },
] as const

export type ContextFieldName = (typeof CONTEXT_FIELDS)[number]['name']

/** Bit offset and width of each packed field, from CONTEXT_FIELDS. */
export const contextFieldLayout = Object.freeze(
  Object.fromEntries(
    CONTEXT_FIELDS.map(({ name, bits }, i) => [name, { offset: CONTEXT_FIELDS.slice(0, i).reduce((sum, field) => sum + field.bits, 0n), bits }]),
  ),
) as Readonly<Record<ContextFieldName, { offset: bigint; bits: bigint }>>
