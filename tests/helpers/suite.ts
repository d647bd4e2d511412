import { afterAll, beforeAll } from 'vitest'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { openDatabase } from './db.ts'
import { startServer, type RunningServer } from './server.ts'

/**
 * A server of the file's own (on a fresh database) and a client on that database, started before
 * the file's tests and stopped after them. Read `.server` and `.db` inside tests and hooks.
 */
export function serverForSuite(env: Record<string, string> = {}): { readonly server: RunningServer; readonly db: PrismaClient } {
	const suite = {} as { server: RunningServer; db: PrismaClient }
	beforeAll(async () => {
		suite.server = await startServer(env)
		suite.db = openDatabase(suite.server.databaseUrl)
	}, 120_000)
	afterAll(async () => {
		await suite.db?.$disconnect()
		await suite.server?.stop()
	})
	return suite
}
