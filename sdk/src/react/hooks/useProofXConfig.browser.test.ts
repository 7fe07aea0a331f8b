import { renderHook } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { ProofXProviderNotFoundError } from '../errors.js'
import { useProofXConfig } from './useProofXConfig.js'

describe('useProofXConfig', () => {
  test('outside ProofXProvider it throws a typed error that says how to fix it', () => {
    expect(() => renderHook(() => useProofXConfig())).toThrow(ProofXProviderNotFoundError)
    expect(() => renderHook(() => useProofXConfig())).toThrow(/must be used within `ProofXProvider`/)
  })
})
