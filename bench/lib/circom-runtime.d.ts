// circom_runtime ships no types; the bench only builds a witness calculator once to time it.
declare module 'circom_runtime' {
  export function WitnessCalculatorBuilder(code: Uint8Array): Promise<{ calculateWTNSBin(input: unknown, sanityCheck?: boolean): Promise<Uint8Array> }>
}
