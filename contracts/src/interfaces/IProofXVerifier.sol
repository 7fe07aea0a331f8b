// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IProofXVerifier
/// @notice Records that an address proved, with a Groth16 proof over an issuer-signed credential, that it meets a
/// compliance policy. dApps read {isCompliant} (or inherit {ProofXGated}); wallets and prover services call
/// {submitProof}.
/// @dev Public signals of the compliance circuit, in order: issuerKeyHash, nullifier, policyHash, context. The verifier
/// builds them itself: policyHash from its policy registry, context = uint160(subject) | timestamp << 160 |
/// scopeTag << 200 with scopeTag = keccak256(abi.encode(block.chainid, address(this))) mod 2^53 (see {scope}).
interface IProofXVerifier {
    /// @notice A Groth16 proof and the public signals the prover chooses.
    /// @param issuerKeyHash Poseidon(Ax, Ay) of the issuer's BabyJubJub key (public signal 0).
    /// @param nullifier Poseidon(credentialHash, scopeTag) (public signal 1); identifies the credential for revocation.
    /// @param timestamp The `now` the proof was made for, unix seconds below 2^40 (packed into public signal 3).
    /// @param a,b,c The proof points, ordered as snarkjs `exportSolidityCallData` prints them.
    struct ProofXProof {
        uint256 issuerKeyHash;
        uint256 nullifier;
        uint256 timestamp;
        uint256[2] a;
        uint256[2][2] b;
        uint256[2] c;
    }

    /// @notice One entry of {submitProofs}: what {submitProof} takes as arguments.
    struct ProofSubmission {
        uint256 policyId;
        address subject;
        ProofXProof proof;
    }

    /// @notice A registered compliance policy.
    /// @param policyHash Poseidon(policyId, minNetCapital, minKycLevel, maxRiskScore, jurisdictionRoot).
    /// @param validityPeriod Seconds a compliance record stays valid after the proof's timestamp.
    /// @param active Whether new proofs are accepted and existing records count.
    struct Policy {
        uint256 policyHash;
        uint32 validityPeriod;
        bool active;
    }

    /// @notice A trusted issuer.
    /// @param revoker The address that may revoke this issuer's credentials by nullifier.
    /// @param id Sequence number assigned when the issuer was added; 0 when not trusted. Re-adding gives a new id,
    /// so records made under a removed issuer never count again.
    struct Issuer {
        address revoker;
        uint32 id;
    }

    /// @notice One compliance record per (subject, policy), packed into a single storage slot.
    /// @param expiresAt Proof timestamp + the policy's validity period.
    /// @param issuerId {Issuer.id} of the credential's issuer when the proof was accepted (issuer ids stop at 2^24 - 1).
    /// @param verifierGeneration The {verifierGeneration} the proof was verified under (0: before generations existed).
    /// @param nullifierTag The low 184 bits of the credential's nullifier, the key revocations are stored under.
    struct ComplianceRecord {
        uint40 expiresAt;
        uint24 issuerId;
        uint8 verifierGeneration;
        uint184 nullifierTag;
    }

    /// @notice Emitted for every proof that passed all checks before the pairing, with its pairing result.
    event ProofVerified(
        address indexed subject, address indexed signer, uint256 indexed policyId, uint256 nullifier, bool success
    );
    /// @notice Emitted by {submitProofs} for an entry that failed a check before the pairing; `reason` is the
    /// ABI-encoded custom error {submitProof} would have reverted with. Nothing is recorded for it.
    event SubmissionRejected(
        address indexed subject, address indexed signer, uint256 indexed policyId, uint256 nullifier, bytes reason
    );
    /// @notice Emitted when the batch verifier changes (to zero when {setVerifier} installs another key).
    event BatchVerifierUpdated(address indexed previousBatchVerifier, address indexed batchVerifier);
    /// @notice Emitted when the Groth16 verifier and its verification-key hash change.
    event VerifierUpdated(address indexed previousVerifier, address indexed newVerifier, bytes32 vkeyHash);
    /// @notice Emitted with every {VerifierUpdated}: the verifier's generation and the oldest one whose records count.
    event VerifierGenerationStarted(uint8 indexed generation, uint8 validFromGeneration);
    /// @notice Emitted when `account` closes the gates: every {isCompliant} is false until {GatesOpened}.
    event GatesClosed(address account);
    /// @notice Emitted when `account` opens the gates again.
    event GatesOpened(address account);
    /// @notice Emitted when a policy is registered or changed.
    event PolicySet(uint256 indexed policyId, uint256 policyHash, uint32 validityPeriod, bool active);
    /// @notice Emitted when an issuer becomes trusted.
    event IssuerAdded(uint256 indexed issuerKeyHash, uint32 indexed issuerId, address indexed revoker);
    /// @notice Emitted when an issuer's revoker address changes.
    event IssuerRevokerUpdated(uint256 indexed issuerKeyHash, address indexed previousRevoker, address indexed revoker);
    /// @notice Emitted when an issuer stops being trusted.
    event IssuerRemoved(uint256 indexed issuerKeyHash, uint32 indexed issuerId);
    /// @notice Emitted when a credential is revoked.
    event CredentialRevoked(uint256 indexed issuerKeyHash, uint256 indexed nullifier, address indexed revokedBy);
    /// @notice Emitted when the maximum accepted proof age changes.
    event MaxProofAgeUpdated(uint40 previousMaxProofAge, uint40 maxProofAge);

    /// @notice A required address is zero; `field` names the parameter.
    error ProofXVerifierZeroAddress(string field);
    /// @notice The Groth16 verifier address has no code.
    error ProofXVerifierVerifierHasNoCode(address verifier);
    /// @notice The verification-key hash is zero.
    error ProofXVerifierZeroVkeyHash();
    /// @notice The maximum proof age is zero.
    error ProofXVerifierZeroMaxProofAge();
    /// @notice A policy hash is zero or not below the BN254 scalar field modulus.
    error ProofXVerifierInvalidPolicyHash(uint256 policyId, uint256 policyHash);
    /// @notice A policy's validity period is zero.
    error ProofXVerifierZeroValidityPeriod(uint256 policyId);
    /// @notice The policy is not registered or not active.
    error ProofXVerifierPolicyInactive(uint256 policyId);
    /// @notice An issuer key hash is zero or not below the BN254 scalar field modulus.
    error ProofXVerifierInvalidIssuerKeyHash(uint256 issuerKeyHash);
    /// @notice The issuer is already trusted.
    error ProofXVerifierIssuerAlreadyTrusted(uint256 issuerKeyHash);
    /// @notice The issuer is not trusted.
    error ProofXVerifierIssuerNotTrusted(uint256 issuerKeyHash);
    /// @notice The sender is neither the subject nor a SIGNER_ROLE account.
    error ProofXVerifierUnauthorizedSubmitter(address sender, address subject);
    /// @notice The sender is neither the issuer's revoker nor an admin.
    error ProofXVerifierUnauthorizedRevoker(address sender, uint256 issuerKeyHash);
    /// @notice The credential (issuer, nullifier) is revoked.
    error ProofXVerifierCredentialRevoked(uint256 issuerKeyHash, uint256 nullifier);
    /// @notice The credential (issuer, nullifier) was already revoked.
    error ProofXVerifierCredentialAlreadyRevoked(uint256 issuerKeyHash, uint256 nullifier);
    /// @notice The proof's timestamp is after the current block's, or does not fit the circuit's 40 bits.
    error ProofXVerifierProofFromFuture(uint256 timestamp, uint256 blockTimestamp);
    /// @notice The proof's timestamp is older than the maximum proof age allows.
    error ProofXVerifierProofTooOld(uint256 timestamp, uint256 oldestAccepted);
    /// @notice Too little gas is left for the pairing check; raise the transaction's gas limit.
    error ProofXVerifierInsufficientGas(uint256 gasLeft, uint256 required);
    /// @notice A public signal is not below the BN254 scalar field modulus (`index` is its position).
    error ProofXVerifierSignalOutOfField(uint256 index, uint256 value);
    /// @notice {submitProofs} takes 1 to `max` entries.
    error ProofXVerifierInvalidBatchSize(uint256 size, uint256 max);
    /// @notice The batch verifier embeds another verification key than the Groth16 verifier's.
    error ProofXVerifierBatchVerifierKeyMismatch(address batchVerifier, bytes32 batchVkeyHash, bytes32 vkeyHash);
    /// @notice The gates are already closed ({closeGates}).
    error ProofXVerifierGatesClosed();
    /// @notice The gates are already open ({openGates}).
    error ProofXVerifierGatesOpen();
    /// @notice Every verifier generation (1..255) was used: deploy a new proxy.
    error ProofXVerifierGenerationsExhausted(uint8 generation);
    /// @notice Every issuer id (1..2^24 - 1) was given out: deploy a new proxy.
    error ProofXVerifierIssuerIdsExhausted(uint32 maxIssuerId);

    /// @notice Verifies a compliance proof for `subject` under `policyId` and, if valid, records compliance until the
    /// proof's timestamp + the policy's validity period. Callable by `subject` itself or a SIGNER_ROLE account.
    /// @dev Reverts with a custom error on every failed check before the pairing; an invalid proof from an authorised
    /// sender does not revert, so monitoring can see it. Emits a {ProofVerified} event.
    /// @return verified Whether the pairing check passed and compliance was recorded.
    function submitProof(uint256 policyId, address subject, ProofXProof calldata proof) external returns (bool verified);

    /// @notice Submits many proofs in one transaction (relayers): each entry gets exactly the checks and the outcome of
    /// {submitProof}, and the valid ones are checked together with one pairing product (Groth16BatchVerifier).
    /// @dev Reverts only for the whole batch: paused, empty or longer than MAX_BATCH_SIZE, or too little gas. One event
    /// per entry, in entry order: {SubmissionRejected} for an entry that failed a check before the pairing (nothing
    /// recorded), else {ProofVerified} with its pairing result (valid ones recorded). If the batch check fails, each
    /// entry is checked alone, so an invalid proof never costs the others their records.
    /// @return verified Per entry, whether its proof verified and compliance was recorded.
    function submitProofs(ProofSubmission[] calldata submissions) external returns (bool[] memory verified);

    /// @notice Whether `subject` holds an unexpired record for `policyId` whose policy is active, whose issuer is still
    /// trusted, whose credential is not revoked and whose verifier generation was not voided, while the gates are open.
    /// @dev Always false while the gates are closed ({closeGates}).
    function isCompliant(address subject, uint256 policyId) external view returns (bool);

    /// @notice The raw compliance record of `subject` for `policyId` (all zero if none).
    function getComplianceRecord(address subject, uint256 policyId) external view returns (ComplianceRecord memory);

    /// @notice Registers or changes a policy. Only DEFAULT_ADMIN_ROLE. Emits a {PolicySet} event.
    function setPolicy(uint256 policyId, uint256 policyHash, uint32 validityPeriod, bool active) external;

    /// @notice The policy registered under `policyId` (all zero if none).
    function getPolicy(uint256 policyId) external view returns (Policy memory);

    /// @notice Trusts an issuer key and names the address that may revoke its credentials. Only DEFAULT_ADMIN_ROLE.
    /// Emits an {IssuerAdded} event.
    function addIssuer(uint256 issuerKeyHash, address revoker) external;

    /// @notice Changes the revoker of a trusted issuer without touching its records. Only DEFAULT_ADMIN_ROLE.
    /// Emits an {IssuerRevokerUpdated} event.
    function setIssuerRevoker(uint256 issuerKeyHash, address revoker) external;

    /// @notice Stops trusting an issuer; its records stop counting. Only DEFAULT_ADMIN_ROLE.
    /// Emits an {IssuerRemoved} event.
    function removeIssuer(uint256 issuerKeyHash) external;

    /// @notice The issuer entry of `issuerKeyHash` (id 0 if not trusted).
    function getIssuer(uint256 issuerKeyHash) external view returns (Issuer memory);

    /// @notice Whether `issuerKeyHash` is a trusted issuer.
    function isTrustedIssuer(uint256 issuerKeyHash) external view returns (bool);

    /// @notice Revokes a credential by its nullifier. Only the issuer's revoker or DEFAULT_ADMIN_ROLE; works for
    /// removed issuers too. Emits a {CredentialRevoked} event.
    function revokeCredential(uint256 issuerKeyHash, uint256 nullifier) external;

    /// @notice Whether the credential (issuer, nullifier) is revoked.
    function isRevoked(uint256 issuerKeyHash, uint256 nullifier) external view returns (bool);

    /// @notice Sets how old (seconds before the current block) a proof's timestamp may be. Only DEFAULT_ADMIN_ROLE.
    /// Emits a {MaxProofAgeUpdated} event.
    function setMaxProofAge(uint40 maxProofAge) external;

    /// @notice The maximum accepted proof age in seconds.
    function maxProofAge() external view returns (uint40);

    /// @notice Swaps the Groth16 verifier with the hash of its verification key (circuit upgrades) and starts a new
    /// verifier generation. With `voidEarlierRecords`, every record proven under an earlier generation stops counting
    /// at once (playbook "start fresh": the old verifier accepted invalid proofs); without, they keep counting until
    /// they expire ("migrate"). Only UPGRADER_ROLE (a timelock in production: a verifier swap changes the rules like an
    /// upgrade does). Emits {VerifierUpdated} and {VerifierGenerationStarted}.
    function setVerifier(address groth16Verifier, bytes32 vkeyHash, bool voidEarlierRecords) external;

    /// @notice The generation of the current verifier: 1 for the one set at initialization, +1 per {setVerifier}.
    function verifierGeneration() external view returns (uint8);

    /// @notice Records of generations below this one do not count (see {setVerifier}).
    function validFromGeneration() external view returns (uint8);

    /// @notice Whether the gates are closed: then every {isCompliant} is false.
    function gatesClosed() external view returns (bool);

    /// @notice Closes the gates during an incident: every {isCompliant} (and so every `onlyCompliant` gate) is false
    /// until {openGates}. Records are kept. Proof submission is not affected (see {pause}). Only PAUSER_ROLE; reverts
    /// with {ProofXVerifierGatesClosed} if already closed. Emits a {GatesClosed} event.
    function closeGates() external;

    /// @notice Opens the gates again. Only DEFAULT_ADMIN_ROLE (the Safe: a guardian closes at once, reopening needs the
    /// multisig); reverts with {ProofXVerifierGatesOpen} if open.
    /// Emits a {GatesOpened} event.
    function openGates() external;

    /// @notice Sets the Groth16BatchVerifier {submitProofs} uses, or zero to check batches proof by proof. It must
    /// embed the verification key of the current Groth16 verifier ({vkeyHash}); {setVerifier} with another key unsets
    /// it. Only UPGRADER_ROLE (a timelock in production): the batch verifier decides which proofs count, like the
    /// Groth16 verifier. Emits a {BatchVerifierUpdated} event.
    function setBatchVerifier(address batchVerifier) external;

    /// @notice The batch verifier (zero if none).
    function batchVerifier() external view returns (address);

    /// @notice The Groth16 verifier contract.
    function verifier() external view returns (address);

    /// @notice keccak256(abi.encode(uint256[])) of the verification key the current verifier embeds; clients refuse
    /// proving artifacts whose key hashes differ.
    function vkeyHash() external view returns (bytes32);

    /// @notice The scope tag proofs for this contract must be made for: keccak256(abi.encode(block.chainid,
    /// address(this))) mod 2^53. It is part of the nullifier and of the packed `context` public signal.
    function scope() external view returns (uint256);
}
