/**
 * snarkjs caches the BN254 curve on globalThis with worker threads that keep the process alive;
 * tests call this in afterAll so vitest can exit.
 */
export async function terminateCurves(): Promise<void> {
  const cached = globalThis as { curve_bn128?: { terminate(): Promise<void> } }
  await cached.curve_bn128?.terminate()
  delete cached.curve_bn128
}
