import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '#app/generated/prisma/client.ts'
import { PrismaClient as PostgresClient } from '#app/generated/prisma-pg/client.ts'

/** A client of its own on a server's database (SQLite file or PostgreSQL), for a test to set up and check rows. */
export function openDatabase(url: string): PrismaClient {
	if (/^postgres(ql)?:\/\//.test(url)) return new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }) }) as unknown as PrismaClient
	return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) })
}
