export { createCredentialStore, type CreateCredentialStoreParameters, type CredentialStore } from './create-credential-store.js'
export { credentialLink, readCredentialLink, CREDENTIAL_LINK_PARAMETER } from './credential-link.js'
export { parseCredentialInput } from './parse-credential-text.js'
export type {
  AddCredentialReturnType,
  CredentialSource,
  CredentialSummary,
  CredentialValidity,
  ListCredentialsReturnType,
  StoredCredential,
  UnreadableCredential,
} from './types.js'
