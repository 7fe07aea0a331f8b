import { createVM, runTx, type VM } from '@ethereumjs/vm'
import { createCustomCommon, Hardfork, Mainnet } from '@ethereumjs/common'
import { createBlock, type Block } from '@ethereumjs/block'
import { createLegacyTx } from '@ethereumjs/tx'
import { Account, bytesToHex, createAddressFromString, hexToBytes } from '@ethereumjs/util'
import { privateKeyToAccount } from 'viem/accounts'
import { numberToHex, type Hex } from 'viem'

export const IN_BROWSER_CHAIN_ID = 31337

type StoredLog = { address: Hex; topics: Hex[]; data: Hex; blockNumber: bigint; transactionHash: Hex; logIndex: number }
type StoredTx = {
  hash: Hex
  from: Hex
  to: Hex | null
  input: Hex
  blockNumber: bigint
  status: boolean
  gasUsed: bigint
  contractAddress: Hex | null
  logs: StoredLog[]
}

class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: Hex,
  ) {
    super(message)
  }
}

/**
 * A one-user EVM in the page (@ethereumjs/vm): enough JSON-RPC for viem and wagmi to deploy, call,
 * transact, read receipts and logs. Each transaction gets its own block, dated by the wall clock.
 * The accounts are the given dev keys; nothing leaves the tab.
 */
export async function createInBrowserChain({ devKeys }: { devKeys: readonly Hex[] }) {
  const common = createCustomCommon({ chainId: IN_BROWSER_CHAIN_ID, name: 'in-browser' }, Mainnet, { hardfork: Hardfork.Cancun })
  const vm: VM = await createVM({ common })
  const accounts = devKeys.map((key) => ({ key, address: privateKeyToAccount(key).address.toLowerCase() as Hex }))
  for (const { address } of accounts) await vm.stateManager.putAccount(createAddressFromString(address), new Account(0n, 10n ** 24n))

  const blocks: { number: bigint; timestamp: bigint; hash: Hex }[] = [{ number: 0n, timestamp: BigInt(Math.floor(Date.now() / 1000)), hash: blockHash(0n) }]
  const txs = new Map<Hex, StoredTx>()
  const logs: StoredLog[] = []
  let queue: Promise<unknown> = Promise.resolve()
  const latest = () => blocks[blocks.length - 1]!

  const blockFor = (number: bigint, timestamp: bigint): Block =>
    createBlock(
      { header: { number, timestamp, gasLimit: 60_000_000n, baseFeePerGas: 0n, coinbase: `0x${'00'.repeat(20)}` as Hex } },
      { common, skipConsensusFormatValidation: true },
    )

  async function call({ from, to, data }: { from?: Hex; to?: Hex; data?: Hex }) {
    await vm.stateManager.checkpoint()
    try {
      const head = latest()
      const result = await vm.evm.runCall({
        caller: createAddressFromString(from ?? accounts[0]!.address),
        to: to ? createAddressFromString(to) : undefined,
        data: hexToBytes(data ?? '0x'),
        gasLimit: 30_000_000n,
        block: blockFor(head.number, head.timestamp),
      })
      return result
    } finally {
      await vm.stateManager.revert()
    }
  }

  async function sendTransaction({ from, to, data, value }: { from: Hex; to?: Hex; data?: Hex; value?: Hex }): Promise<Hex> {
    const sender = accounts.find((a) => a.address === from.toLowerCase())
    if (!sender) throw new RpcError(-32000, `unknown account ${from}`)
    const account = await vm.stateManager.getAccount(createAddressFromString(sender.address))
    const tx = createLegacyTx(
      { nonce: account?.nonce ?? 0n, gasPrice: 0n, gasLimit: 30_000_000n, to: to ?? undefined, data: data ?? '0x', value: value ? BigInt(value) : 0n },
      { common },
    ).sign(hexToBytes(sender.key))
    const number = latest().number + 1n
    const timestamp = BigInt(Math.max(Number(latest().timestamp) + 1, Math.floor(Date.now() / 1000)))
    const result = await runTx(vm, { tx, block: blockFor(number, timestamp), skipBlockGasLimitValidation: true, skipHardForkValidation: true })
    const hash = bytesToHex(tx.hash()) as Hex
    blocks.push({ number, timestamp, hash: blockHash(number) })
    const txLogs = (result.execResult.logs ?? []).map(([address, topics, logData], i) => ({
      address: bytesToHex(address) as Hex,
      topics: topics.map((t) => bytesToHex(t) as Hex),
      data: bytesToHex(logData) as Hex,
      blockNumber: number,
      transactionHash: hash,
      logIndex: i,
    }))
    const failed = result.execResult.exceptionError !== undefined
    if (!failed) logs.push(...txLogs)
    txs.set(hash, {
      hash,
      from: sender.address,
      to: to ?? null,
      input: data ?? '0x',
      blockNumber: number,
      status: !failed,
      gasUsed: result.totalGasSpent,
      contractAddress: result.createdAddress ? (result.createdAddress.toString() as Hex) : null,
      logs: failed ? [] : txLogs,
    })
    return hash
  }

  const formatLog = (log: StoredLog) => ({
    ...log,
    blockHash: blockHash(log.blockNumber),
    blockNumber: numberToHex(log.blockNumber),
    logIndex: numberToHex(log.logIndex),
    transactionIndex: '0x0',
    removed: false,
  })
  const formatBlock = (b: { number: bigint; timestamp: bigint; hash: Hex }) => ({
    number: numberToHex(b.number),
    hash: b.hash,
    parentHash: b.number === 0n ? `0x${'00'.repeat(32)}` : blockHash(b.number - 1n),
    timestamp: numberToHex(b.timestamp),
    gasLimit: numberToHex(60_000_000n),
    gasUsed: '0x0',
    baseFeePerGas: '0x0',
    miner: `0x${'00'.repeat(20)}`,
    difficulty: '0x0',
    totalDifficulty: '0x0',
    extraData: '0x',
    logsBloom: `0x${'00'.repeat(256)}`,
    nonce: '0x0000000000000000',
    sha3Uncles: `0x${'00'.repeat(32)}`,
    size: '0x0',
    stateRoot: `0x${'00'.repeat(32)}`,
    receiptsRoot: `0x${'00'.repeat(32)}`,
    transactionsRoot: `0x${'00'.repeat(32)}`,
    transactions: [...txs.values()].filter((t) => t.blockNumber === b.number).map((t) => t.hash),
    uncles: [],
  })
  // Like anvil --block-time 1: an empty block whenever the head is a second behind the wall clock,
  // so proofs dated by the chain's latest block keep up with real time.
  const head = () => {
    const now = BigInt(Math.floor(Date.now() / 1000))
    if (now > latest().timestamp) blocks.push({ number: latest().number + 1n, timestamp: now, hash: blockHash(latest().number + 1n) })
    return latest()
  }
  const findBlock = (tag: string) =>
    tag === 'latest' || tag === 'pending' || tag === 'safe' || tag === 'finalized' ? head() : tag === 'earliest' ? blocks[0]! : blocks[Number(BigInt(tag))]
  const toBlockNumber = (tag: string | undefined, fallback: bigint) =>
    tag === undefined ? fallback : tag === 'latest' || tag === 'pending' ? latest().number : tag === 'earliest' ? 0n : BigInt(tag)

  // biome-ignore lint/suspicious/noExplicitAny: JSON-RPC params, each method below reads its own shape
  async function handle(method: string, params: any[]): Promise<unknown> {
    switch (method) {
      case 'eth_chainId':
        return numberToHex(IN_BROWSER_CHAIN_ID)
      case 'net_version':
        return String(IN_BROWSER_CHAIN_ID)
      case 'eth_accounts':
      case 'eth_requestAccounts':
        return accounts.map((a) => a.address)
      case 'eth_blockNumber':
        return numberToHex(head().number)
      case 'eth_getBlockByNumber': {
        const b = findBlock(params[0])
        return b ? formatBlock(b) : null
      }
      case 'eth_getBlockByHash': {
        const b = blocks.find((x) => x.hash === params[0])
        return b ? formatBlock(b) : null
      }
      case 'eth_gasPrice':
      case 'eth_maxPriorityFeePerGas':
        return '0x0'
      case 'eth_estimateGas': {
        const result = await call(params[0])
        if (result.execResult.exceptionError) throw revertError(result.execResult.returnValue)
        return numberToHex(30_000_000n)
      }
      case 'eth_call': {
        const result = await call(params[0])
        if (result.execResult.exceptionError) throw revertError(result.execResult.returnValue)
        return bytesToHex(result.execResult.returnValue)
      }
      case 'eth_getCode':
        return bytesToHex(await vm.stateManager.getCode(createAddressFromString(params[0])))
      case 'eth_getBalance':
        return numberToHex((await vm.stateManager.getAccount(createAddressFromString(params[0])))?.balance ?? 0n)
      case 'eth_getTransactionCount':
        return numberToHex((await vm.stateManager.getAccount(createAddressFromString(params[0])))?.nonce ?? 0n)
      case 'eth_sendTransaction':
        queue = queue.then(() => sendTransaction(params[0]))
        return queue as Promise<Hex>
      case 'eth_getTransactionReceipt': {
        const tx = txs.get(params[0])
        if (!tx) return null
        return {
          transactionHash: tx.hash,
          transactionIndex: '0x0',
          blockHash: blockHash(tx.blockNumber),
          blockNumber: numberToHex(tx.blockNumber),
          from: tx.from,
          to: tx.to,
          cumulativeGasUsed: numberToHex(tx.gasUsed),
          gasUsed: numberToHex(tx.gasUsed),
          effectiveGasPrice: '0x0',
          contractAddress: tx.contractAddress,
          logs: tx.logs.map(formatLog),
          logsBloom: `0x${'00'.repeat(256)}`,
          status: tx.status ? '0x1' : '0x0',
          type: '0x0',
        }
      }
      case 'eth_getTransactionByHash': {
        const tx = txs.get(params[0])
        if (!tx) return null
        return {
          hash: tx.hash,
          blockHash: blockHash(tx.blockNumber),
          blockNumber: numberToHex(tx.blockNumber),
          from: tx.from,
          to: tx.to,
          input: tx.input,
          nonce: '0x0',
          value: '0x0',
          gas: numberToHex(30_000_000n),
          gasPrice: '0x0',
          transactionIndex: '0x0',
          type: '0x0',
          v: '0x0',
          r: '0x0',
          s: '0x0',
          chainId: numberToHex(IN_BROWSER_CHAIN_ID),
        }
      }
      case 'eth_getLogs': {
        const filter = params[0] ?? {}
        const from = toBlockNumber(filter.fromBlock, latest().number)
        const to = toBlockNumber(filter.toBlock, latest().number)
        const addresses = ([] as string[]).concat(filter.address ?? []).map((a) => a.toLowerCase())
        const topics: (string | string[] | null)[] = filter.topics ?? []
        return logs
          .filter((log) => log.blockNumber >= from && log.blockNumber <= to)
          .filter((log) => addresses.length === 0 || addresses.includes(log.address.toLowerCase()))
          .filter((log) => topics.every((t, i) => t === null || t === undefined || (Array.isArray(t) ? t.includes(log.topics[i]!) : t === log.topics[i])))
          .map(formatLog)
      }
      default:
        throw new RpcError(-32601, `${method} is not supported by the in-browser EVM`)
    }
  }

  return {
    chainId: IN_BROWSER_CHAIN_ID,
    accounts: accounts.map((a) => a.address),
    /** EIP-1193 request: give it to viem's `custom` transport. */
    // biome-ignore lint/suspicious/noExplicitAny: EIP-1193 results are untyped; viem's custom transport types them per method
    async request({ method, params }: { method: string; params?: unknown }): Promise<any> {
      return handle(method, (params as unknown[]) ?? [])
    },
  }
}

function revertError(returnValue: Uint8Array) {
  const data = bytesToHex(returnValue) as Hex
  return new RpcError(3, 'execution reverted', data)
}

// Block hashes only need to be unique and stable here.
function blockHash(number: bigint): Hex {
  return `0x${number.toString(16).padStart(64, 'b')}` as Hex
}

export type InBrowserChain = Awaited<ReturnType<typeof createInBrowserChain>>
