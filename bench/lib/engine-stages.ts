/** The stages both engines report in the engine section, in proof order (the witness first, from the same calculator). */
export const STAGES = ['witness', 'abc', 'fft', 'msmA', 'msmB1', 'msmB2', 'msmC', 'msmH', 'total'] as const
