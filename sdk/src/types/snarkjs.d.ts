// snarkjs ships no types; this covers the parts ProofX calls.
declare module 'snarkjs' {
  export type Logger = { info: (...a: unknown[]) => void; debug: (...a: unknown[]) => void; warn: (...a: unknown[]) => void; error: (...a: unknown[]) => void }
  export type Groth16Proof = { pi_a: string[]; pi_b: string[][]; pi_c: string[]; protocol: string; curve: string }
  export type PublicSignals = string[]
  export type FileLike = string | Uint8Array | { type: 'mem'; data?: Uint8Array }
  export const groth16: {
    fullProve(
      input: Record<string, unknown>,
      wasm: FileLike,
      zkey: FileLike,
      logger?: Logger,
      wtnsCalcOptions?: unknown,
      proverOptions?: { singleThread?: boolean },
    ): Promise<{ proof: Groth16Proof; publicSignals: PublicSignals }>
    prove(
      zkey: FileLike,
      witness: FileLike,
      logger?: Logger,
      options?: { singleThread?: boolean },
    ): Promise<{ proof: Groth16Proof; publicSignals: PublicSignals }>
    verify(vkey: unknown, publicSignals: PublicSignals, proof: Groth16Proof, logger?: Logger): Promise<boolean>
    exportSolidityCallData(proof: Groth16Proof, publicSignals: PublicSignals): Promise<string>
  }
  export const wtns: {
    calculate(input: Record<string, unknown>, wasm: FileLike, wtns: FileLike, options?: unknown): Promise<void>
    exportJson(wtns: FileLike): Promise<unknown[]>
  }
  export const powersOfTau: {
    newAccumulator(curve: unknown, power: number, fileName: string, logger?: Logger): Promise<unknown>
    contribute(oldPtau: string, newPtau: string, name: string, entropy: string, logger?: Logger): Promise<Uint8Array>
    beacon(oldPtau: string, newPtau: string, name: string, beaconHash: string, numIterationsExp: number, logger?: Logger): Promise<Uint8Array>
    preparePhase2(oldPtau: string, newPtau: string, logger?: Logger): Promise<void>
    verify(ptau: string, logger?: Logger): Promise<boolean>
  }
  export const zKey: {
    newZKey(r1cs: string, ptau: string, zkey: string, logger?: Logger): Promise<Uint8Array>
    contribute(oldZkey: string, newZkey: string, name: string, entropy: string, logger?: Logger): Promise<Uint8Array>
    beacon(oldZkey: string, newZkey: string, name: string, beaconHash: string, numIterationsExp: number, logger?: Logger): Promise<Uint8Array>
    verifyFromR1cs(r1cs: string, ptau: string, zkey: string, logger?: Logger): Promise<boolean>
    exportVerificationKey(zkey: FileLike, logger?: Logger): Promise<Record<string, unknown>>
    exportSolidityVerifier(zkey: string, templates: { groth16: string }, logger?: Logger): Promise<string>
  }
  export const r1cs: {
    info(r1cs: string, logger?: Logger): Promise<{ nConstraints: number; nPubInputs: number; nOutputs: number; nPrvInputs: number; nVars: number }>
  }
}
declare module 'ffjavascript' {
  export function getCurveFromName(name: string, options?: { singleThread?: boolean }): Promise<{ terminate(): Promise<void> }>
  export const utils: { unstringifyBigInts(x: unknown): unknown; stringifyBigInts(x: unknown): unknown }
}
declare module 'circom_runtime' {
  export function WitnessCalculatorBuilder(
    wasm: Uint8Array,
    options?: unknown,
  ): Promise<{ calculateWTNSBin(input: unknown, sanityCheck?: boolean): Promise<Uint8Array>; witnessSize: number; n32: number; prime: bigint }>
}
