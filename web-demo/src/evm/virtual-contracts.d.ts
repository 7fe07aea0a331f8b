declare module 'virtual:proofx-contracts' {
  import type { ProofXContracts } from './deploy-proofx.js'
  const contracts: ProofXContracts | null
  export default contracts
}
