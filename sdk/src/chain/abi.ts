//////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////
// ComplianceGatedVault
//////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////

export const complianceGatedVaultAbi = [
  {
    type: 'constructor',
    inputs: [
      {
        name: 'verifier_',
        internalType: 'contract IProofXVerifier',
        type: 'address',
      },
      { name: 'policyId_', internalType: 'uint256', type: 'uint256' },
    ],
    stateMutability: 'nonpayable',
  },
  {
    type: 'function',
    inputs: [{ name: 'account', internalType: 'address', type: 'address' }],
    name: 'balanceOf',
    outputs: [{ name: 'amount', internalType: 'uint256', type: 'uint256' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [],
    name: 'deposit',
    outputs: [],
    stateMutability: 'payable',
  },
  {
    type: 'function',
    inputs: [],
    name: 'policyId',
    outputs: [{ name: '', internalType: 'uint256', type: 'uint256' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [],
    name: 'proofXVerifier',
    outputs: [
      { name: '', internalType: 'contract IProofXVerifier', type: 'address' },
    ],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [{ name: 'amount', internalType: 'uint256', type: 'uint256' }],
    name: 'withdraw',
    outputs: [],
    stateMutability: 'nonpayable',
  },
  {
    type: 'event',
    anonymous: false,
    inputs: [
      {
        name: 'account',
        internalType: 'address',
        type: 'address',
        indexed: true,
      },
      {
        name: 'amount',
        internalType: 'uint256',
        type: 'uint256',
        indexed: false,
      },
    ],
    name: 'Deposited',
  },
  {
    type: 'event',
    anonymous: false,
    inputs: [
      {
        name: 'account',
        internalType: 'address',
        type: 'address',
        indexed: true,
      },
      {
        name: 'amount',
        internalType: 'uint256',
        type: 'uint256',
        indexed: false,
      },
    ],
    name: 'Withdrawn',
  },
  {
    type: 'error',
    inputs: [
      { name: 'account', internalType: 'address', type: 'address' },
      { name: 'balance', internalType: 'uint256', type: 'uint256' },
      { name: 'amount', internalType: 'uint256', type: 'uint256' },
    ],
    name: 'ComplianceGatedVaultInsufficientBalance',
  },
  { type: 'error', inputs: [], name: 'ComplianceGatedVaultZeroDeposit' },
  { type: 'error', inputs: [], name: 'FailedCall' },
  {
    type: 'error',
    inputs: [
      { name: 'balance', internalType: 'uint256', type: 'uint256' },
      { name: 'needed', internalType: 'uint256', type: 'uint256' },
    ],
    name: 'InsufficientBalance',
  },
  {
    type: 'error',
    inputs: [
      { name: 'account', internalType: 'address', type: 'address' },
      { name: 'policyId', internalType: 'uint256', type: 'uint256' },
    ],
    name: 'ProofXGatedNotCompliant',
  },
  {
    type: 'error',
    inputs: [{ name: 'verifier', internalType: 'address', type: 'address' }],
    name: 'ProofXGatedVerifierHasNoCode',
  },
  { type: 'error', inputs: [], name: 'ReentrancyGuardReentrantCall' },
] as const

//////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////
// Groth16BatchVerifier
//////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////

export const groth16BatchVerifierAbi = [
  {
    type: 'function',
    inputs: [],
    name: 'PROOF_WORDS',
    outputs: [{ name: '', internalType: 'uint256', type: 'uint256' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [],
    name: 'PUBLIC_SIGNAL_COUNT',
    outputs: [{ name: '', internalType: 'uint256', type: 'uint256' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [],
    name: 'VKEY_HASH',
    outputs: [{ name: '', internalType: 'bytes32', type: 'bytes32' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [{ name: 'proofs', internalType: 'uint256[]', type: 'uint256[]' }],
    name: 'batchCoefficients',
    outputs: [
      { name: 'coefficients', internalType: 'uint256[]', type: 'uint256[]' },
    ],
    stateMutability: 'pure',
  },
  {
    type: 'function',
    inputs: [],
    name: 'publicSignalCount',
    outputs: [{ name: '', internalType: 'uint256', type: 'uint256' }],
    stateMutability: 'pure',
  },
  {
    type: 'function',
    inputs: [{ name: 'proofs', internalType: 'uint256[]', type: 'uint256[]' }],
    name: 'verifyProofs',
    outputs: [{ name: '', internalType: 'bool', type: 'bool' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [],
    name: 'vkeyHash',
    outputs: [{ name: '', internalType: 'bytes32', type: 'bytes32' }],
    stateMutability: 'pure',
  },
] as const

//////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////
// Groth16Verifier
//////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////

export const groth16VerifierAbi = [
  {
    type: 'function',
    inputs: [
      { name: '_pA', internalType: 'uint256[2]', type: 'uint256[2]' },
      { name: '_pB', internalType: 'uint256[2][2]', type: 'uint256[2][2]' },
      { name: '_pC', internalType: 'uint256[2]', type: 'uint256[2]' },
      { name: '_pubSignals', internalType: 'uint256[4]', type: 'uint256[4]' },
    ],
    name: 'verifyProof',
    outputs: [{ name: '', internalType: 'bool', type: 'bool' }],
    stateMutability: 'view',
  },
] as const

//////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////
// ProofXVerifier
//////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////

export const proofXVerifierAbi = [
  { type: 'constructor', inputs: [], stateMutability: 'nonpayable' },
  {
    type: 'function',
    inputs: [],
    name: 'DEFAULT_ADMIN_ROLE',
    outputs: [{ name: '', internalType: 'bytes32', type: 'bytes32' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [],
    name: 'MAX_BATCH_SIZE',
    outputs: [{ name: '', internalType: 'uint256', type: 'uint256' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [],
    name: 'PAUSER_ROLE',
    outputs: [{ name: '', internalType: 'bytes32', type: 'bytes32' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [],
    name: 'SIGNER_ROLE',
    outputs: [{ name: '', internalType: 'bytes32', type: 'bytes32' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [],
    name: 'UPGRADER_ROLE',
    outputs: [{ name: '', internalType: 'bytes32', type: 'bytes32' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [],
    name: 'UPGRADE_INTERFACE_VERSION',
    outputs: [{ name: '', internalType: 'string', type: 'string' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [
      { name: 'issuerKeyHash', internalType: 'uint256', type: 'uint256' },
      { name: 'revoker', internalType: 'address', type: 'address' },
    ],
    name: 'addIssuer',
    outputs: [],
    stateMutability: 'nonpayable',
  },
  {
    type: 'function',
    inputs: [],
    name: 'batchVerifier',
    outputs: [{ name: '', internalType: 'address', type: 'address' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [],
    name: 'closeGates',
    outputs: [],
    stateMutability: 'nonpayable',
  },
  {
    type: 'function',
    inputs: [],
    name: 'gatesClosed',
    outputs: [{ name: '', internalType: 'bool', type: 'bool' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [
      { name: 'subject', internalType: 'address', type: 'address' },
      { name: 'policyId', internalType: 'uint256', type: 'uint256' },
    ],
    name: 'getComplianceRecord',
    outputs: [
      {
        name: '',
        internalType: 'struct IProofXVerifier.ComplianceRecord',
        type: 'tuple',
        components: [
          { name: 'expiresAt', internalType: 'uint40', type: 'uint40' },
          { name: 'issuerId', internalType: 'uint24', type: 'uint24' },
          { name: 'verifierGeneration', internalType: 'uint8', type: 'uint8' },
          { name: 'nullifierTag', internalType: 'uint184', type: 'uint184' },
        ],
      },
    ],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [
      { name: 'issuerKeyHash', internalType: 'uint256', type: 'uint256' },
    ],
    name: 'getIssuer',
    outputs: [
      {
        name: '',
        internalType: 'struct IProofXVerifier.Issuer',
        type: 'tuple',
        components: [
          { name: 'revoker', internalType: 'address', type: 'address' },
          { name: 'id', internalType: 'uint32', type: 'uint32' },
        ],
      },
    ],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [{ name: 'policyId', internalType: 'uint256', type: 'uint256' }],
    name: 'getPolicy',
    outputs: [
      {
        name: '',
        internalType: 'struct IProofXVerifier.Policy',
        type: 'tuple',
        components: [
          { name: 'policyHash', internalType: 'uint256', type: 'uint256' },
          { name: 'validityPeriod', internalType: 'uint32', type: 'uint32' },
          { name: 'active', internalType: 'bool', type: 'bool' },
        ],
      },
    ],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [{ name: 'role', internalType: 'bytes32', type: 'bytes32' }],
    name: 'getRoleAdmin',
    outputs: [{ name: '', internalType: 'bytes32', type: 'bytes32' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [
      { name: 'role', internalType: 'bytes32', type: 'bytes32' },
      { name: 'account', internalType: 'address', type: 'address' },
    ],
    name: 'grantRole',
    outputs: [],
    stateMutability: 'nonpayable',
  },
  {
    type: 'function',
    inputs: [
      { name: 'role', internalType: 'bytes32', type: 'bytes32' },
      { name: 'account', internalType: 'address', type: 'address' },
    ],
    name: 'hasRole',
    outputs: [{ name: '', internalType: 'bool', type: 'bool' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [
      { name: 'admin', internalType: 'address', type: 'address' },
      { name: 'groth16Verifier', internalType: 'address', type: 'address' },
      { name: 'vkeyHash_', internalType: 'bytes32', type: 'bytes32' },
      { name: 'maxProofAge_', internalType: 'uint40', type: 'uint40' },
    ],
    name: 'initialize',
    outputs: [],
    stateMutability: 'nonpayable',
  },
  {
    type: 'function',
    inputs: [
      { name: 'subject', internalType: 'address', type: 'address' },
      { name: 'policyId', internalType: 'uint256', type: 'uint256' },
    ],
    name: 'isCompliant',
    outputs: [{ name: '', internalType: 'bool', type: 'bool' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [
      { name: 'issuerKeyHash', internalType: 'uint256', type: 'uint256' },
      { name: 'nullifier', internalType: 'uint256', type: 'uint256' },
    ],
    name: 'isRevoked',
    outputs: [{ name: '', internalType: 'bool', type: 'bool' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [
      { name: 'issuerKeyHash', internalType: 'uint256', type: 'uint256' },
    ],
    name: 'isTrustedIssuer',
    outputs: [{ name: '', internalType: 'bool', type: 'bool' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [],
    name: 'maxProofAge',
    outputs: [{ name: '', internalType: 'uint40', type: 'uint40' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [],
    name: 'openGates',
    outputs: [],
    stateMutability: 'nonpayable',
  },
  {
    type: 'function',
    inputs: [],
    name: 'pause',
    outputs: [],
    stateMutability: 'nonpayable',
  },
  {
    type: 'function',
    inputs: [],
    name: 'paused',
    outputs: [{ name: '', internalType: 'bool', type: 'bool' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [],
    name: 'proxiableUUID',
    outputs: [{ name: '', internalType: 'bytes32', type: 'bytes32' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [
      { name: 'issuerKeyHash', internalType: 'uint256', type: 'uint256' },
    ],
    name: 'removeIssuer',
    outputs: [],
    stateMutability: 'nonpayable',
  },
  {
    type: 'function',
    inputs: [
      { name: 'role', internalType: 'bytes32', type: 'bytes32' },
      { name: 'callerConfirmation', internalType: 'address', type: 'address' },
    ],
    name: 'renounceRole',
    outputs: [],
    stateMutability: 'nonpayable',
  },
  {
    type: 'function',
    inputs: [
      { name: 'issuerKeyHash', internalType: 'uint256', type: 'uint256' },
      { name: 'nullifier', internalType: 'uint256', type: 'uint256' },
    ],
    name: 'revokeCredential',
    outputs: [],
    stateMutability: 'nonpayable',
  },
  {
    type: 'function',
    inputs: [
      { name: 'role', internalType: 'bytes32', type: 'bytes32' },
      { name: 'account', internalType: 'address', type: 'address' },
    ],
    name: 'revokeRole',
    outputs: [],
    stateMutability: 'nonpayable',
  },
  {
    type: 'function',
    inputs: [],
    name: 'scope',
    outputs: [{ name: '', internalType: 'uint256', type: 'uint256' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [
      { name: 'batchVerifier_', internalType: 'address', type: 'address' },
    ],
    name: 'setBatchVerifier',
    outputs: [],
    stateMutability: 'nonpayable',
  },
  {
    type: 'function',
    inputs: [
      { name: 'issuerKeyHash', internalType: 'uint256', type: 'uint256' },
      { name: 'revoker', internalType: 'address', type: 'address' },
    ],
    name: 'setIssuerRevoker',
    outputs: [],
    stateMutability: 'nonpayable',
  },
  {
    type: 'function',
    inputs: [{ name: 'maxProofAge_', internalType: 'uint40', type: 'uint40' }],
    name: 'setMaxProofAge',
    outputs: [],
    stateMutability: 'nonpayable',
  },
  {
    type: 'function',
    inputs: [
      { name: 'policyId', internalType: 'uint256', type: 'uint256' },
      { name: 'policyHash', internalType: 'uint256', type: 'uint256' },
      { name: 'validityPeriod', internalType: 'uint32', type: 'uint32' },
      { name: 'active', internalType: 'bool', type: 'bool' },
    ],
    name: 'setPolicy',
    outputs: [],
    stateMutability: 'nonpayable',
  },
  {
    type: 'function',
    inputs: [
      { name: 'groth16Verifier', internalType: 'address', type: 'address' },
      { name: 'vkeyHash_', internalType: 'bytes32', type: 'bytes32' },
      { name: 'voidEarlierRecords', internalType: 'bool', type: 'bool' },
    ],
    name: 'setVerifier',
    outputs: [],
    stateMutability: 'nonpayable',
  },
  {
    type: 'function',
    inputs: [
      { name: 'policyId', internalType: 'uint256', type: 'uint256' },
      { name: 'subject', internalType: 'address', type: 'address' },
      {
        name: 'proof',
        internalType: 'struct IProofXVerifier.ProofXProof',
        type: 'tuple',
        components: [
          { name: 'issuerKeyHash', internalType: 'uint256', type: 'uint256' },
          { name: 'nullifier', internalType: 'uint256', type: 'uint256' },
          { name: 'timestamp', internalType: 'uint256', type: 'uint256' },
          { name: 'a', internalType: 'uint256[2]', type: 'uint256[2]' },
          { name: 'b', internalType: 'uint256[2][2]', type: 'uint256[2][2]' },
          { name: 'c', internalType: 'uint256[2]', type: 'uint256[2]' },
        ],
      },
    ],
    name: 'submitProof',
    outputs: [{ name: 'verified', internalType: 'bool', type: 'bool' }],
    stateMutability: 'nonpayable',
  },
  {
    type: 'function',
    inputs: [
      {
        name: 'submissions',
        internalType: 'struct IProofXVerifier.ProofSubmission[]',
        type: 'tuple[]',
        components: [
          { name: 'policyId', internalType: 'uint256', type: 'uint256' },
          { name: 'subject', internalType: 'address', type: 'address' },
          {
            name: 'proof',
            internalType: 'struct IProofXVerifier.ProofXProof',
            type: 'tuple',
            components: [
              {
                name: 'issuerKeyHash',
                internalType: 'uint256',
                type: 'uint256',
              },
              { name: 'nullifier', internalType: 'uint256', type: 'uint256' },
              { name: 'timestamp', internalType: 'uint256', type: 'uint256' },
              { name: 'a', internalType: 'uint256[2]', type: 'uint256[2]' },
              {
                name: 'b',
                internalType: 'uint256[2][2]',
                type: 'uint256[2][2]',
              },
              { name: 'c', internalType: 'uint256[2]', type: 'uint256[2]' },
            ],
          },
        ],
      },
    ],
    name: 'submitProofs',
    outputs: [{ name: 'verified', internalType: 'bool[]', type: 'bool[]' }],
    stateMutability: 'nonpayable',
  },
  {
    type: 'function',
    inputs: [{ name: 'interfaceId', internalType: 'bytes4', type: 'bytes4' }],
    name: 'supportsInterface',
    outputs: [{ name: '', internalType: 'bool', type: 'bool' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [],
    name: 'unpause',
    outputs: [],
    stateMutability: 'nonpayable',
  },
  {
    type: 'function',
    inputs: [
      { name: 'newImplementation', internalType: 'address', type: 'address' },
      { name: 'data', internalType: 'bytes', type: 'bytes' },
    ],
    name: 'upgradeToAndCall',
    outputs: [],
    stateMutability: 'payable',
  },
  {
    type: 'function',
    inputs: [],
    name: 'validFromGeneration',
    outputs: [{ name: '', internalType: 'uint8', type: 'uint8' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [],
    name: 'verifier',
    outputs: [{ name: '', internalType: 'address', type: 'address' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [],
    name: 'verifierGeneration',
    outputs: [{ name: '', internalType: 'uint8', type: 'uint8' }],
    stateMutability: 'view',
  },
  {
    type: 'function',
    inputs: [],
    name: 'version',
    outputs: [{ name: '', internalType: 'string', type: 'string' }],
    stateMutability: 'pure',
  },
  {
    type: 'function',
    inputs: [],
    name: 'vkeyHash',
    outputs: [{ name: '', internalType: 'bytes32', type: 'bytes32' }],
    stateMutability: 'view',
  },
  {
    type: 'event',
    anonymous: false,
    inputs: [
      {
        name: 'previousBatchVerifier',
        internalType: 'address',
        type: 'address',
        indexed: true,
      },
      {
        name: 'batchVerifier',
        internalType: 'address',
        type: 'address',
        indexed: true,
      },
    ],
    name: 'BatchVerifierUpdated',
  },
  {
    type: 'event',
    anonymous: false,
    inputs: [
      {
        name: 'issuerKeyHash',
        internalType: 'uint256',
        type: 'uint256',
        indexed: true,
      },
      {
        name: 'nullifier',
        internalType: 'uint256',
        type: 'uint256',
        indexed: true,
      },
      {
        name: 'revokedBy',
        internalType: 'address',
        type: 'address',
        indexed: true,
      },
    ],
    name: 'CredentialRevoked',
  },
  {
    type: 'event',
    anonymous: false,
    inputs: [
      {
        name: 'account',
        internalType: 'address',
        type: 'address',
        indexed: false,
      },
    ],
    name: 'GatesClosed',
  },
  {
    type: 'event',
    anonymous: false,
    inputs: [
      {
        name: 'account',
        internalType: 'address',
        type: 'address',
        indexed: false,
      },
    ],
    name: 'GatesOpened',
  },
  {
    type: 'event',
    anonymous: false,
    inputs: [
      {
        name: 'version',
        internalType: 'uint64',
        type: 'uint64',
        indexed: false,
      },
    ],
    name: 'Initialized',
  },
  {
    type: 'event',
    anonymous: false,
    inputs: [
      {
        name: 'issuerKeyHash',
        internalType: 'uint256',
        type: 'uint256',
        indexed: true,
      },
      {
        name: 'issuerId',
        internalType: 'uint32',
        type: 'uint32',
        indexed: true,
      },
      {
        name: 'revoker',
        internalType: 'address',
        type: 'address',
        indexed: true,
      },
    ],
    name: 'IssuerAdded',
  },
  {
    type: 'event',
    anonymous: false,
    inputs: [
      {
        name: 'issuerKeyHash',
        internalType: 'uint256',
        type: 'uint256',
        indexed: true,
      },
      {
        name: 'issuerId',
        internalType: 'uint32',
        type: 'uint32',
        indexed: true,
      },
    ],
    name: 'IssuerRemoved',
  },
  {
    type: 'event',
    anonymous: false,
    inputs: [
      {
        name: 'issuerKeyHash',
        internalType: 'uint256',
        type: 'uint256',
        indexed: true,
      },
      {
        name: 'previousRevoker',
        internalType: 'address',
        type: 'address',
        indexed: true,
      },
      {
        name: 'revoker',
        internalType: 'address',
        type: 'address',
        indexed: true,
      },
    ],
    name: 'IssuerRevokerUpdated',
  },
  {
    type: 'event',
    anonymous: false,
    inputs: [
      {
        name: 'previousMaxProofAge',
        internalType: 'uint40',
        type: 'uint40',
        indexed: false,
      },
      {
        name: 'maxProofAge',
        internalType: 'uint40',
        type: 'uint40',
        indexed: false,
      },
    ],
    name: 'MaxProofAgeUpdated',
  },
  {
    type: 'event',
    anonymous: false,
    inputs: [
      {
        name: 'account',
        internalType: 'address',
        type: 'address',
        indexed: false,
      },
    ],
    name: 'Paused',
  },
  {
    type: 'event',
    anonymous: false,
    inputs: [
      {
        name: 'policyId',
        internalType: 'uint256',
        type: 'uint256',
        indexed: true,
      },
      {
        name: 'policyHash',
        internalType: 'uint256',
        type: 'uint256',
        indexed: false,
      },
      {
        name: 'validityPeriod',
        internalType: 'uint32',
        type: 'uint32',
        indexed: false,
      },
      { name: 'active', internalType: 'bool', type: 'bool', indexed: false },
    ],
    name: 'PolicySet',
  },
  {
    type: 'event',
    anonymous: false,
    inputs: [
      {
        name: 'subject',
        internalType: 'address',
        type: 'address',
        indexed: true,
      },
      {
        name: 'signer',
        internalType: 'address',
        type: 'address',
        indexed: true,
      },
      {
        name: 'policyId',
        internalType: 'uint256',
        type: 'uint256',
        indexed: true,
      },
      {
        name: 'nullifier',
        internalType: 'uint256',
        type: 'uint256',
        indexed: false,
      },
      { name: 'success', internalType: 'bool', type: 'bool', indexed: false },
    ],
    name: 'ProofVerified',
  },
  {
    type: 'event',
    anonymous: false,
    inputs: [
      { name: 'role', internalType: 'bytes32', type: 'bytes32', indexed: true },
      {
        name: 'previousAdminRole',
        internalType: 'bytes32',
        type: 'bytes32',
        indexed: true,
      },
      {
        name: 'newAdminRole',
        internalType: 'bytes32',
        type: 'bytes32',
        indexed: true,
      },
    ],
    name: 'RoleAdminChanged',
  },
  {
    type: 'event',
    anonymous: false,
    inputs: [
      { name: 'role', internalType: 'bytes32', type: 'bytes32', indexed: true },
      {
        name: 'account',
        internalType: 'address',
        type: 'address',
        indexed: true,
      },
      {
        name: 'sender',
        internalType: 'address',
        type: 'address',
        indexed: true,
      },
    ],
    name: 'RoleGranted',
  },
  {
    type: 'event',
    anonymous: false,
    inputs: [
      { name: 'role', internalType: 'bytes32', type: 'bytes32', indexed: true },
      {
        name: 'account',
        internalType: 'address',
        type: 'address',
        indexed: true,
      },
      {
        name: 'sender',
        internalType: 'address',
        type: 'address',
        indexed: true,
      },
    ],
    name: 'RoleRevoked',
  },
  {
    type: 'event',
    anonymous: false,
    inputs: [
      {
        name: 'subject',
        internalType: 'address',
        type: 'address',
        indexed: true,
      },
      {
        name: 'signer',
        internalType: 'address',
        type: 'address',
        indexed: true,
      },
      {
        name: 'policyId',
        internalType: 'uint256',
        type: 'uint256',
        indexed: true,
      },
      {
        name: 'nullifier',
        internalType: 'uint256',
        type: 'uint256',
        indexed: false,
      },
      { name: 'reason', internalType: 'bytes', type: 'bytes', indexed: false },
    ],
    name: 'SubmissionRejected',
  },
  {
    type: 'event',
    anonymous: false,
    inputs: [
      {
        name: 'account',
        internalType: 'address',
        type: 'address',
        indexed: false,
      },
    ],
    name: 'Unpaused',
  },
  {
    type: 'event',
    anonymous: false,
    inputs: [
      {
        name: 'implementation',
        internalType: 'address',
        type: 'address',
        indexed: true,
      },
    ],
    name: 'Upgraded',
  },
  {
    type: 'event',
    anonymous: false,
    inputs: [
      {
        name: 'generation',
        internalType: 'uint8',
        type: 'uint8',
        indexed: true,
      },
      {
        name: 'validFromGeneration',
        internalType: 'uint8',
        type: 'uint8',
        indexed: false,
      },
    ],
    name: 'VerifierGenerationStarted',
  },
  {
    type: 'event',
    anonymous: false,
    inputs: [
      {
        name: 'previousVerifier',
        internalType: 'address',
        type: 'address',
        indexed: true,
      },
      {
        name: 'newVerifier',
        internalType: 'address',
        type: 'address',
        indexed: true,
      },
      {
        name: 'vkeyHash',
        internalType: 'bytes32',
        type: 'bytes32',
        indexed: false,
      },
    ],
    name: 'VerifierUpdated',
  },
  { type: 'error', inputs: [], name: 'AccessControlBadConfirmation' },
  {
    type: 'error',
    inputs: [
      { name: 'account', internalType: 'address', type: 'address' },
      { name: 'neededRole', internalType: 'bytes32', type: 'bytes32' },
    ],
    name: 'AccessControlUnauthorizedAccount',
  },
  {
    type: 'error',
    inputs: [{ name: 'target', internalType: 'address', type: 'address' }],
    name: 'AddressEmptyCode',
  },
  {
    type: 'error',
    inputs: [
      { name: 'implementation', internalType: 'address', type: 'address' },
    ],
    name: 'ERC1967InvalidImplementation',
  },
  { type: 'error', inputs: [], name: 'ERC1967NonPayable' },
  { type: 'error', inputs: [], name: 'EnforcedPause' },
  { type: 'error', inputs: [], name: 'ExpectedPause' },
  { type: 'error', inputs: [], name: 'FailedCall' },
  { type: 'error', inputs: [], name: 'InvalidInitialization' },
  { type: 'error', inputs: [], name: 'NotInitializing' },
  {
    type: 'error',
    inputs: [
      { name: 'batchVerifier', internalType: 'address', type: 'address' },
      { name: 'batchVkeyHash', internalType: 'bytes32', type: 'bytes32' },
      { name: 'vkeyHash', internalType: 'bytes32', type: 'bytes32' },
    ],
    name: 'ProofXVerifierBatchVerifierKeyMismatch',
  },
  {
    type: 'error',
    inputs: [
      { name: 'issuerKeyHash', internalType: 'uint256', type: 'uint256' },
      { name: 'nullifier', internalType: 'uint256', type: 'uint256' },
    ],
    name: 'ProofXVerifierCredentialAlreadyRevoked',
  },
  {
    type: 'error',
    inputs: [
      { name: 'issuerKeyHash', internalType: 'uint256', type: 'uint256' },
      { name: 'nullifier', internalType: 'uint256', type: 'uint256' },
    ],
    name: 'ProofXVerifierCredentialRevoked',
  },
  { type: 'error', inputs: [], name: 'ProofXVerifierGatesClosed' },
  { type: 'error', inputs: [], name: 'ProofXVerifierGatesOpen' },
  {
    type: 'error',
    inputs: [{ name: 'generation', internalType: 'uint8', type: 'uint8' }],
    name: 'ProofXVerifierGenerationsExhausted',
  },
  {
    type: 'error',
    inputs: [
      { name: 'gasLeft', internalType: 'uint256', type: 'uint256' },
      { name: 'required', internalType: 'uint256', type: 'uint256' },
    ],
    name: 'ProofXVerifierInsufficientGas',
  },
  {
    type: 'error',
    inputs: [
      { name: 'size', internalType: 'uint256', type: 'uint256' },
      { name: 'max', internalType: 'uint256', type: 'uint256' },
    ],
    name: 'ProofXVerifierInvalidBatchSize',
  },
  {
    type: 'error',
    inputs: [
      { name: 'issuerKeyHash', internalType: 'uint256', type: 'uint256' },
    ],
    name: 'ProofXVerifierInvalidIssuerKeyHash',
  },
  {
    type: 'error',
    inputs: [
      { name: 'policyId', internalType: 'uint256', type: 'uint256' },
      { name: 'policyHash', internalType: 'uint256', type: 'uint256' },
    ],
    name: 'ProofXVerifierInvalidPolicyHash',
  },
  {
    type: 'error',
    inputs: [
      { name: 'issuerKeyHash', internalType: 'uint256', type: 'uint256' },
    ],
    name: 'ProofXVerifierIssuerAlreadyTrusted',
  },
  {
    type: 'error',
    inputs: [{ name: 'maxIssuerId', internalType: 'uint32', type: 'uint32' }],
    name: 'ProofXVerifierIssuerIdsExhausted',
  },
  {
    type: 'error',
    inputs: [
      { name: 'issuerKeyHash', internalType: 'uint256', type: 'uint256' },
    ],
    name: 'ProofXVerifierIssuerNotTrusted',
  },
  {
    type: 'error',
    inputs: [{ name: 'policyId', internalType: 'uint256', type: 'uint256' }],
    name: 'ProofXVerifierPolicyInactive',
  },
  {
    type: 'error',
    inputs: [
      { name: 'timestamp', internalType: 'uint256', type: 'uint256' },
      { name: 'blockTimestamp', internalType: 'uint256', type: 'uint256' },
    ],
    name: 'ProofXVerifierProofFromFuture',
  },
  {
    type: 'error',
    inputs: [
      { name: 'timestamp', internalType: 'uint256', type: 'uint256' },
      { name: 'oldestAccepted', internalType: 'uint256', type: 'uint256' },
    ],
    name: 'ProofXVerifierProofTooOld',
  },
  {
    type: 'error',
    inputs: [
      { name: 'index', internalType: 'uint256', type: 'uint256' },
      { name: 'value', internalType: 'uint256', type: 'uint256' },
    ],
    name: 'ProofXVerifierSignalOutOfField',
  },
  {
    type: 'error',
    inputs: [
      { name: 'sender', internalType: 'address', type: 'address' },
      { name: 'issuerKeyHash', internalType: 'uint256', type: 'uint256' },
    ],
    name: 'ProofXVerifierUnauthorizedRevoker',
  },
  {
    type: 'error',
    inputs: [
      { name: 'sender', internalType: 'address', type: 'address' },
      { name: 'subject', internalType: 'address', type: 'address' },
    ],
    name: 'ProofXVerifierUnauthorizedSubmitter',
  },
  {
    type: 'error',
    inputs: [{ name: 'verifier', internalType: 'address', type: 'address' }],
    name: 'ProofXVerifierVerifierHasNoCode',
  },
  {
    type: 'error',
    inputs: [{ name: 'field', internalType: 'string', type: 'string' }],
    name: 'ProofXVerifierZeroAddress',
  },
  { type: 'error', inputs: [], name: 'ProofXVerifierZeroMaxProofAge' },
  {
    type: 'error',
    inputs: [{ name: 'policyId', internalType: 'uint256', type: 'uint256' }],
    name: 'ProofXVerifierZeroValidityPeriod',
  },
  { type: 'error', inputs: [], name: 'ProofXVerifierZeroVkeyHash' },
  { type: 'error', inputs: [], name: 'UUPSUnauthorizedCallContext' },
  {
    type: 'error',
    inputs: [{ name: 'slot', internalType: 'bytes32', type: 'bytes32' }],
    name: 'UUPSUnsupportedProxiableUUID',
  },
] as const
