import { mnemonicToAccount } from 'viem/accounts'

// anvil's default mnemonic: its accounts are funded on every fresh node. Test use only.
const ANVIL_MNEMONIC = 'test test test test test test test test test test test junk'
const account = (addressIndex: number) => mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex })

/** Who is who in the chain tests. The deployer (index 0) is the admin. */
export const localAccounts = {
  admin: account(0),
  subject: account(1),
  relayer: account(2),
  stranger: account(3),
  otherSubject: account(4),
}
