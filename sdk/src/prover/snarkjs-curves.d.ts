// snarkjs also exports its curve factory; the prover warms and releases the cached BN254 curve with it.
declare module 'snarkjs' {
  export const curves: {
    getCurveFromName(name: string, options?: { singleThread?: boolean }): Promise<{ terminate(): Promise<void> }>
  }
}
