pragma circom 2.1.5;

include "../src/range-check.circom";
include "../src/credential-hash.circom";
include "../src/issuer-signature.circom";
include "src/policy-hash.circom";
include "../src/policy-check.circom";
include "../src/jurisdiction-membership.circom";
include "src/validity-window.circom";
include "../src/credential-nullifier.circom";

// ProofX compliance statement:
// "I hold a credential signed by the issuer whose key hashes to issuerKeyHash; its subject is
//  `subject`; at time `now` it is valid; its attributes satisfy the policy committed to by policyHash."
//
// Public signals, in this order (the contract and the SDK depend on it; see circuits/README.md):
//   0 issuerKeyHash  1 nullifier  2 policyHash  3 context
// context = subject + now * 2^160 + scopeTag * 2^200 packs three values into one field element (each public
// signal costs the on-chain verifier an ecMul and an ecAdd). subject (160 bits), now (40 bits) and scopeTag
// (53 bits) are private inputs, each range-checked, so context < 2^253 < r and the packing is injective.
// scopeTag = keccak256(abi.encode(chainId, verifier)) mod 2^53, computed by the contract itself. The policy
// id is committed inside policyHash, so (scopeTag, policyHash) binds a proof to one chain, contract and policy.
template Compliance(MAX_JURISDICTION_DEPTH) {
    // ---- public ----
    signal input issuerKeyHash;
    signal input nullifier;
    signal input policyHash;
    signal input context;

    // ---- private: unpacked from context ----
    signal input subject;
    signal input now;
    signal input scopeTag;

    // ---- private: the credential ----
    signal input assets;
    signal input liabilities;
    signal input kycLevel;
    signal input riskScore;
    signal input jurisdiction;
    signal input issuedAt;
    signal input expiresAt;
    signal input salt;
    signal input issuerAx;
    signal input issuerAy;
    signal input sigR8x;
    signal input sigR8y;
    signal input sigS;

    // ---- private: the policy and the jurisdiction proof ----
    signal input policyId;
    signal input minNetCapital;
    signal input minKycLevel;
    signal input maxRiskScore;
    signal input jurisdictionRoot;
    signal input jurisdictionDepth;
    signal input jurisdictionIndex;
    signal input jurisdictionSiblings[MAX_JURISDICTION_DEPTH];

    // Range checks, before any comparison: comparators are only sound on inputs of their bit width.
    // Times are unix seconds in 40 bits (until the year 36812); amounts are uint64.
    component subjectRange = RangeCheck(160);
    subjectRange.in <== subject;
    component assetsRange = RangeCheck(64);
    assetsRange.in <== assets;
    component liabilitiesRange = RangeCheck(64);
    liabilitiesRange.in <== liabilities;
    component kycLevelRange = RangeCheck(8);
    kycLevelRange.in <== kycLevel;
    component riskScoreRange = RangeCheck(8);
    riskScoreRange.in <== riskScore;
    component jurisdictionRange = RangeCheck(10);
    jurisdictionRange.in <== jurisdiction;
    component issuedAtRange = RangeCheck(40);
    issuedAtRange.in <== issuedAt;
    component expiresAtRange = RangeCheck(40);
    expiresAtRange.in <== expiresAt;
    component nowRange = RangeCheck(40);
    nowRange.in <== now;
    component minNetCapitalRange = RangeCheck(64);
    minNetCapitalRange.in <== minNetCapital;
    component minKycLevelRange = RangeCheck(8);
    minKycLevelRange.in <== minKycLevel;
    component maxRiskScoreRange = RangeCheck(8);
    maxRiskScoreRange.in <== maxRiskScore;
    component scopeTagRange = RangeCheck(53);
    scopeTagRange.in <== scopeTag;

    // The public context is exactly (subject, now, scopeTag): with the three range checks above,
    // subject + now * 2^160 + scopeTag * 2^200 < 2^253 < r, so no other triple packs to the same value.
    context === subject + now * (1 << 160) + scopeTag * (1 << 200);

    // The credential, signed by the issuer; the subject is part of what was signed.
    signal credentialHash <== CredentialHash()(subject, assets, liabilities, kycLevel, riskScore, jurisdiction, issuedAt, expiresAt, salt);
    signal computedIssuerKeyHash <== IssuerSignature()(credentialHash, issuerAx, issuerAy, sigR8x, sigR8y, sigS);
    computedIssuerKeyHash === issuerKeyHash;

    // Valid at `now`.
    component validity = ValidityWindow(40);
    validity.issuedAt <== issuedAt;
    validity.expiresAt <== expiresAt;
    validity.now <== now;

    // The policy behind policyHash, and the attributes meet it.
    signal computedPolicyHash <== PolicyHash()(policyId, minNetCapital, minKycLevel, maxRiskScore, jurisdictionRoot);
    computedPolicyHash === policyHash;
    component policyCheck = PolicyCheck();
    policyCheck.assets <== assets;
    policyCheck.liabilities <== liabilities;
    policyCheck.kycLevel <== kycLevel;
    policyCheck.riskScore <== riskScore;
    policyCheck.minNetCapital <== minNetCapital;
    policyCheck.minKycLevel <== minKycLevel;
    policyCheck.maxRiskScore <== maxRiskScore;
    component membership = JurisdictionMembership(MAX_JURISDICTION_DEPTH);
    membership.jurisdiction <== jurisdiction;
    membership.root <== jurisdictionRoot;
    membership.depth <== jurisdictionDepth;
    membership.index <== jurisdictionIndex;
    membership.siblings <== jurisdictionSiblings;

    // The nullifier depends on the credential and the deployment (scopeTag = chain + contract), not the policy,
    // so one revocation by the issuer covers every policy of that deployment.
    signal computedNullifier <== CredentialNullifier()(credentialHash, scopeTag);
    computedNullifier === nullifier;
}

// Depth 8 holds 256 jurisdictions: every ISO 3166-1 code fits.
component main {public [issuerKeyHash, nullifier, policyHash, context]} = Compliance(8);
