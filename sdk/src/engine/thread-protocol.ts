/** The five multi-scalar multiplications of a Groth16 proof. */
export type MsmKind = 'A' | 'B1' | 'B2' | 'C' | 'H'
export const MSM_KINDS: readonly MsmKind[] = ['A', 'B1', 'B2', 'C', 'H']
/** Which scalars an MSM takes: the witness ('w') or the quotient's coefficients ('h'). */
export type ScalarSlot = 'w' | 'h'

/**
 * One MSM as the helper thread holds it: every base, resident, and where the scalars start in their slot;
 * the calling thread computes the first `windowShare` thousandths of its windows, the helper the rest.
 */
export type MsmShare = { kind: MsmKind; group: 1 | 2; bases: Uint8Array; count: number; scalarStart: number; windowShare: number }

export type ThreadRequest =
  | { cmd: 'init'; shares: MsmShare[]; shared?: SharedArrayBuffer | undefined; slotOffsets: Record<ScalarSlot, number> }
  /** `scalars` carries the slot's bytes when memory is not shared; otherwise the thread reads `shared`. */
  | { cmd: 'run'; id: number; slot: ScalarSlot; length: number; kinds: MsmKind[]; scalars?: Uint8Array | undefined }

export type ThreadReply = { cmd: 'ready' } | { cmd: 'result'; id: number; points: Uint8Array; ms: number } | { cmd: 'error'; id: number; message: string }
