import type { FailureFrame } from './witness-tester.js'
import { sourceLine } from './source-line.js'

const MAIN = 'circuits/compliance.circom'
const COMPARATORS = 'node_modules/circomlib/circuits/comparators.circom'
const BITIFY = 'node_modules/circomlib/circuits/bitify.circom'
const EDDSA = 'node_modules/circomlib/circuits/eddsaposeidon.circom'

/** A frame in compliance.circom's main template, by the text of its line. */
export const inMain = (text: string): FailureFrame => ({ template: 'Compliance', line: sourceLine(MAIN, text) })

/** A frame in one of the project's templates (circuits/src/<file>). */
export const inTemplate = (template: string, file: string, text: string): FailureFrame => ({ template, line: sourceLine(`circuits/src/${file}`, text) })

/** The innermost frame of each kind of circomlib failure the tests expect. */
export const circomlib = {
  /** EdDSA: the recomputed R8 + h·A does not equal S·B, i.e. the signature does not match message and key. */
  signatureMismatch: (): FailureFrame => ({ template: 'ForceEqualIfEnabled', line: sourceLine(COMPARATORS, '(1 - isz.out)*enabled === 0') }),
  /** EdDSA: S is not below the subgroup order (a malleated signature). */
  signatureScalarTooLarge: (): FailureFrame => ({ template: 'EdDSAPoseidonVerifier', line: sourceLine(EDDSA, 'compConstant.out*enabled === 0') }),
  /** Num2Bits(N): the value does not fit in N bits. */
  doesNotFitBits: (): FailureFrame => ({ template: 'Num2Bits', line: sourceLine(BITIFY, 'lc1 === in') }),
}

/** The frames of a failed RangeCheck whose input is assigned on `assignment` in compliance.circom. */
export const rangeCheckFails = (assignment: string): FailureFrame[] => [
  circomlib.doesNotFitBits(),
  inTemplate('RangeCheck', 'range-check.circom', 'Num2Bits(N)(in)'),
  inMain(assignment),
]
