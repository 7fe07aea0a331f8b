import jsqr from 'jsqr'
import { PNG } from 'pngjs'
import QRCode from 'qrcode'
import { describe, expect, test } from 'vitest'
import { credentialLink, readCredentialLink, serializeCredential } from '@proofx/sdk'
import { signed } from '@proofx/test-helpers/sample-credential'
import { CredentialLinkTooLongError, credentialQr } from './credential-qr.js'

// jsqr types a CommonJS module as ESM: under NodeNext its default import is the module, whose `default` is the reader.
const jsQR = jsqr.default

// The QR code is decoded back with an independent reader (jsQR): what a phone camera would read.
const decodePng = (png: Buffer) => {
  const image = PNG.sync.read(png)
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data
}

describe('credential link QR code', () => {
  const credential = signed()
  const link = credentialLink('https://wallet.example/holder', credential)

  test('the PNG decodes to the exact link, and the link to the credential', async () => {
    const png = await credentialQr(link, 'png')
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    const decoded = decodePng(png)
    expect(decoded).toBe(link)
    expect(readCredentialLink(decoded!)).toEqual(JSON.parse(serializeCredential(credential)))
    console.info(`credential link: ${link.length} characters; QR version ${QRCode.create(link, { errorCorrectionLevel: 'M' }).version} at M`)
  })

  test('the SVG is one square symbol of the same QR code (same module count as the PNG)', async () => {
    const svg = await credentialQr(link, 'svg')
    const size = QRCode.create(link, { errorCorrectionLevel: 'M' }).modules.size + 8
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    expect(svg).toContain(`viewBox="0 0 ${size} ${size}"`)
    expect(svg).toMatch(/<path [^>]*d="M/)
  })

  test('a link too long for one QR code is a typed error naming its length', async () => {
    const long = `https://wallet.example/#proofx-credential=${'A'.repeat(3_000)}`
    const error = await credentialQr(long, 'png').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CredentialLinkTooLongError)
    expect(error).toMatchObject({ name: 'CredentialLinkTooLongError', length: long.length, errorCorrection: 'M' })
    expect((error as Error).message).toMatch(/does not fit in one QR code/)
  })
})
