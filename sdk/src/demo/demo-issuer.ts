import type { Hex } from 'viem'
import { createIssuerKey } from '../credentials/create-issuer-key.js'

/**
 * The demo issuer, for the local demo and tests ONLY: its private key is public, so anyone can
 * sign credentials with it. Never register its key hash on a real deployment.
 */
export const DEMO_ISSUER_PRIVATE_KEY: Hex = '0x50726f6f66582064656d6f206973737565722e204e6f7420666f72207573652e'

export const demoIssuer = () => createIssuerKey(DEMO_ISSUER_PRIVATE_KEY)
