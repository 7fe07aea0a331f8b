import QRCode from 'qrcode'
import { ProofXError } from '@proofx/sdk'

export type CredentialQrFormat = 'svg' | 'png'

export type CredentialQrOptions = {
  /** Error correction: L (7%) fits the most; M (15%, default) survives a screen glare or a crease. */
  errorCorrection?: 'L' | 'M' | 'Q' | 'H' | undefined
  /** PNG pixels per module (default 8: ~1,000 px for a credential link); the SVG scales freely. */
  scale?: number | undefined
}

export type CredentialLinkTooLongErrorType = CredentialLinkTooLongError & { name: 'CredentialLinkTooLongError' }
/** The link holds more than one QR code can at this error correction. */
export class CredentialLinkTooLongError extends ProofXError {
  override name = 'CredentialLinkTooLongError' as const
  readonly length: number
  readonly errorCorrection: string
  constructor({ length, errorCorrection, cause }: { length: number; errorCorrection: string; cause?: unknown }) {
    super(`The credential link (${length} characters) does not fit in one QR code at error correction ${errorCorrection}.`, {
      cause,
      metaMessages: ['Deliver it as a link or a file, or use error correction "L" (holds the most).'],
    })
    this.length = length
    this.errorCorrection = errorCorrection
  }
}

/**
 * A QR code of a credential link (`credentialLink` from @proofx/sdk), for the issuer to show or print: a holder's
 * phone camera opens the link and the page imports the credential from its fragment. Byte mode, so the link's
 * characters are encoded exactly. Issuer-side only (Node): the SDK's browser bundle does not carry a QR encoder.
 * @example
 * const svg = await credentialQr(credentialLink('https://wallet.example/', credential), 'svg')
 */
export async function credentialQr(link: string, format: 'svg', options?: CredentialQrOptions): Promise<string>
export async function credentialQr(link: string, format: 'png', options?: CredentialQrOptions): Promise<Buffer>
export async function credentialQr(
  link: string,
  format: CredentialQrFormat,
  { errorCorrection = 'M', scale = 8 }: CredentialQrOptions = {},
): Promise<string | Buffer> {
  const segments = [{ data: new TextEncoder().encode(link), mode: 'byte' as const }]
  try {
    if (format === 'svg') return await QRCode.toString(segments, { type: 'svg', errorCorrectionLevel: errorCorrection, margin: 4 })
    return await QRCode.toBuffer(segments, { type: 'png', errorCorrectionLevel: errorCorrection, margin: 4, scale })
  } catch (cause) {
    if (/too big|amount of data/i.test((cause as Error)?.message ?? '')) throw new CredentialLinkTooLongError({ length: link.length, errorCorrection, cause })
    throw cause
  }
}
