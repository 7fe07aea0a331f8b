import { bytesToBigInt } from 'viem'
import { SNARK_SCALAR_FIELD } from './limits.js'

/** A uniformly random field element (31 random bytes, always below the field). */
export function randomSalt(): bigint {
  return bytesToBigInt(globalThis.crypto.getRandomValues(new Uint8Array(31))) % SNARK_SCALAR_FIELD
}
