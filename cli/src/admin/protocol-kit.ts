import protocolKit from '@safe-global/protocol-kit'

/** protocol-kit's Safe class. */
export type SafeClass = typeof protocolKit.default
/** A protocol-kit Safe instance (bound to one Safe account). */
export type SafeKit = InstanceType<SafeClass>

/**
 * The Safe class, whichever way the package is loaded: its type declarations are CommonJS (no "type": "module"),
 * so TypeScript sees the class at `.default` of the default import, while Node's ESM build hands the class itself.
 */
export const Safe: SafeClass = ((protocolKit as unknown as { default?: SafeClass }).default ?? protocolKit) as SafeClass
