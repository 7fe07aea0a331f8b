// Event handlers of the ProofX subgraph (AssemblyScript, graph-ts).
import { BigInt, Bytes, ethereum } from '@graphprotocol/graph-ts'
import {
  BatchVerifierUpdated,
  CredentialRevoked,
  GatesClosed,
  GatesOpened,
  Initialized,
  IssuerAdded,
  IssuerRemoved,
  IssuerRevokerUpdated,
  MaxProofAgeUpdated,
  Paused,
  PolicySet,
  ProofVerified,
  RoleAdminChanged,
  RoleGranted,
  RoleRevoked,
  SubmissionRejected,
  Unpaused,
  Upgraded,
  VerifierGenerationStarted,
  VerifierUpdated,
} from '../generated/ProofXVerifier/ProofXVerifier'
import {
  CredentialRevocation,
  Issuer,
  PauseChange,
  Policy,
  Protocol,
  RejectedSubmission,
  RoleAdminChange,
  RoleChange,
  RoleMember,
  Subject,
  Upgrade,
  Verification,
  VerifierChange,
} from '../generated/schema'

function eventId(event: ethereum.Event): Bytes {
  return event.transaction.hash.concatI32(event.logIndex.toI32())
}

function protocol(): Protocol {
  let p = Protocol.load('proofx')
  if (p == null) {
    p = new Protocol('proofx')
    p.paused = false
    p.proofsVerified = BigInt.zero()
    p.proofsFailed = BigInt.zero()
  }
  return p
}

export function handleProofVerified(event: ProofVerified): void {
  let subject = Subject.load(event.params.subject)
  if (subject == null) {
    subject = new Subject(event.params.subject)
    subject.successful = BigInt.zero()
    subject.failed = BigInt.zero()
  }
  const p = protocol()
  if (event.params.success) {
    subject.successful = subject.successful.plus(BigInt.fromI32(1))
    p.proofsVerified = p.proofsVerified.plus(BigInt.fromI32(1))
  } else {
    subject.failed = subject.failed.plus(BigInt.fromI32(1))
    p.proofsFailed = p.proofsFailed.plus(BigInt.fromI32(1))
  }
  subject.save()
  p.save()

  const v = new Verification(eventId(event))
  v.subject = event.params.subject
  v.signer = event.params.signer
  v.policyId = event.params.policyId
  v.nullifier = event.params.nullifier
  v.success = event.params.success
  v.blockNumber = event.block.number
  v.timestamp = event.block.timestamp
  v.transactionHash = event.transaction.hash
  v.save()
}

function roleChange(event: ethereum.Event, role: Bytes, account: Bytes, sender: Bytes, granted: boolean): void {
  const change = new RoleChange(eventId(event))
  change.role = role
  change.account = account
  change.sender = sender
  change.granted = granted
  change.blockNumber = event.block.number
  change.timestamp = event.block.timestamp
  change.transactionHash = event.transaction.hash
  change.save()

  const id = role.concat(account)
  let member = RoleMember.load(id)
  if (member == null) {
    member = new RoleMember(id)
    member.role = role
    member.account = account
  }
  member.active = granted
  if (granted) {
    member.grantedAt = event.block.timestamp
    member.revokedAt = null
  } else {
    if (member.grantedAt === null) member.grantedAt = BigInt.zero()
    member.revokedAt = event.block.timestamp
  }
  member.save()
}

export function handleRoleGranted(event: RoleGranted): void {
  roleChange(event, event.params.role, event.params.account, event.params.sender, true)
}

export function handleRoleRevoked(event: RoleRevoked): void {
  roleChange(event, event.params.role, event.params.account, event.params.sender, false)
}

function pauseChange(event: ethereum.Event, account: Bytes, paused: boolean): void {
  const change = new PauseChange(eventId(event))
  change.paused = paused
  change.account = account
  change.blockNumber = event.block.number
  change.timestamp = event.block.timestamp
  change.transactionHash = event.transaction.hash
  change.save()
  const p = protocol()
  p.paused = paused
  p.save()
}

export function handlePaused(event: Paused): void {
  pauseChange(event, event.params.account, true)
}

export function handleUnpaused(event: Unpaused): void {
  pauseChange(event, event.params.account, false)
}

export function handleVerifierUpdated(event: VerifierUpdated): void {
  const change = new VerifierChange(eventId(event))
  change.previousVerifier = event.params.previousVerifier
  change.newVerifier = event.params.newVerifier
  change.vkeyHash = event.params.vkeyHash
  change.blockNumber = event.block.number
  change.timestamp = event.block.timestamp
  change.save()
  const p = protocol()
  p.verifier = event.params.newVerifier
  p.vkeyHash = event.params.vkeyHash
  p.save()
}

export function handleUpgraded(event: Upgraded): void {
  const upgrade = new Upgrade(eventId(event))
  upgrade.implementation = event.params.implementation
  upgrade.blockNumber = event.block.number
  upgrade.timestamp = event.block.timestamp
  upgrade.save()
  const p = protocol()
  p.implementation = event.params.implementation
  p.save()
}

export function handleIssuerAdded(event: IssuerAdded): void {
  const issuer = new Issuer(event.params.issuerKeyHash.toString())
  issuer.issuerId = BigInt.fromI64(event.params.issuerId.toI64())
  issuer.revoker = event.params.revoker
  issuer.trusted = true
  issuer.addedAt = event.block.timestamp
  issuer.removedAt = null
  issuer.save()
}

export function handleIssuerRemoved(event: IssuerRemoved): void {
  const issuer = Issuer.load(event.params.issuerKeyHash.toString())
  if (issuer == null) return
  issuer.trusted = false
  issuer.removedAt = event.block.timestamp
  issuer.save()
}

export function handleCredentialRevoked(event: CredentialRevoked): void {
  const r = new CredentialRevocation(eventId(event))
  r.issuerKeyHash = event.params.issuerKeyHash
  r.nullifier = event.params.nullifier
  r.revokedBy = event.params.revokedBy
  r.timestamp = event.block.timestamp
  r.save()
}

export function handlePolicySet(event: PolicySet): void {
  const policy = new Policy(event.params.policyId.toString())
  policy.policyHash = event.params.policyHash
  policy.validityPeriod = event.params.validityPeriod
  policy.active = event.params.active
  policy.updatedAt = event.block.timestamp
  policy.save()
}

export function handleIssuerRevokerUpdated(event: IssuerRevokerUpdated): void {
  const issuer = Issuer.load(event.params.issuerKeyHash.toString())
  if (issuer == null) return // the contract only emits it for a trusted issuer, which IssuerAdded created
  issuer.revoker = event.params.revoker
  issuer.save()
}

export function handleMaxProofAgeUpdated(event: MaxProofAgeUpdated): void {
  const p = protocol()
  p.maxProofAge = event.params.maxProofAge
  p.save()
}

export function handleRoleAdminChanged(event: RoleAdminChanged): void {
  const change = new RoleAdminChange(eventId(event))
  change.role = event.params.role
  change.previousAdminRole = event.params.previousAdminRole
  change.newAdminRole = event.params.newAdminRole
  change.blockNumber = event.block.number
  change.timestamp = event.block.timestamp
  change.transactionHash = event.transaction.hash
  change.save()
}

export function handleInitialized(event: Initialized): void {
  const p = protocol()
  p.initializedVersion = event.params.version
  p.save()
}

export function handleSubmissionRejected(event: SubmissionRejected): void {
  const r = new RejectedSubmission(eventId(event))
  r.subject = event.params.subject
  r.signer = event.params.signer
  r.policyId = event.params.policyId
  r.nullifier = event.params.nullifier
  r.reason = event.params.reason
  r.blockNumber = event.block.number
  r.timestamp = event.block.timestamp
  r.transactionHash = event.transaction.hash
  r.save()
}

export function handleVerifierGenerationStarted(event: VerifierGenerationStarted): void {
  const p = protocol()
  p.verifierGeneration = event.params.generation
  p.validFromGeneration = event.params.validFromGeneration
  p.save()
}

export function handleGatesClosed(event: GatesClosed): void {
  const p = protocol()
  p.gatesClosed = true
  p.save()
}

export function handleGatesOpened(event: GatesOpened): void {
  const p = protocol()
  p.gatesClosed = false
  p.save()
}

export function handleBatchVerifierUpdated(event: BatchVerifierUpdated): void {
  const p = protocol()
  p.batchVerifier = event.params.batchVerifier
  p.save()
}
