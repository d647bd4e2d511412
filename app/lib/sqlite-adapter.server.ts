import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3['connect']>>
type Transaction = Awaited<ReturnType<Adapter['startTransaction']>>

// NOTE: the better-sqlite3 adapter runs everything on ONE connection. It queues transactions
// behind each other, but a query outside a transaction runs at once, on that same connection,
// even while another request's transaction is open between its BEGIN and its COMMIT or
// ROLLBACK. Such a query becomes part of that transaction: it reads its uncommitted rows, and
// when the transaction fails a guard and rolls back, the query's write is rolled back with it
// (a notification written during a racing import vanished this way). Here every query and
// every transaction take turns through one first-come queue, so a query runs only when no
// transaction is open. Each query is one synchronous better-sqlite3 call, so its turn is short.

/** A first-come, first-served lock: `acquire` resolves with the function that releases it. */
class TurnQueue {
	#tail: Promise<void> = Promise.resolve()

	acquire(): Promise<() => void> {
		let release!: () => void
		const turn = new Promise<void>((resolve) => (release = resolve))
		const ready = this.#tail.then(() => once(release))
		this.#tail = this.#tail.then(() => turn)
		return ready
	}
}

function once(fn: () => void): () => void {
	let done = false
	return () => {
		if (done) return
		done = true
		fn()
	}
}

function takeTurns(adapter: Adapter): Adapter {
	const queue = new TurnQueue()
	const inTurn = async <T>(work: () => Promise<T>): Promise<T> => {
		const release = await queue.acquire()
		try {
			return await work()
		} finally {
			release()
		}
	}
	return new Proxy(adapter, {
		get(target, property, receiver) {
			switch (property) {
				case 'queryRaw':
					return (query: Parameters<Adapter['queryRaw']>[0]) => inTurn(() => target.queryRaw(query))
				case 'executeRaw':
					return (query: Parameters<Adapter['executeRaw']>[0]) => inTurn(() => target.executeRaw(query))
				case 'executeScript':
					return (script: string) => inTurn(() => target.executeScript(script))
				case 'startTransaction':
					return async (isolationLevel?: Parameters<Adapter['startTransaction']>[0]) => {
						const release = await queue.acquire()
						let transaction: Transaction
						try {
							transaction = await target.startTransaction(isolationLevel)
						} catch (error) {
							release()
							throw error
						}
						// The turn lasts until the transaction ends, whichever way it ends.
						return new Proxy(transaction, {
							get(tx, name, txReceiver) {
								if (name === 'commit' || name === 'rollback') {
									return async () => {
										try {
											await tx[name]()
										} finally {
											release()
										}
									}
								}
								const value = Reflect.get(tx, name, txReceiver)
								return typeof value === 'function' ? value.bind(tx) : value
							},
						})
					}
				default: {
					const value = Reflect.get(target, property, receiver)
					return typeof value === 'function' ? value.bind(target) : value
				}
			}
		},
	})
}

/** The SQLite adapter factory for PrismaClient, with every query and transaction taking turns. */
export function serializedSQLite(url: string, timeout: number) {
	const factory = new PrismaBetterSQLite3({ url, timeout })
	return {
		provider: 'sqlite' as const,
		adapterName: factory.adapterName,
		connect: async () => takeTurns(await factory.connect()),
		connectToShadowDb: async () => takeTurns(await factory.connectToShadowDb()),
	}
}
