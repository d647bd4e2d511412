import path from 'node:path'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { defineConfig } from 'prisma/config'

// NOTE: the js engine runs Prisma's bundled wasm schema engine through our driver
// adapter; the native schema engine cannot be downloaded on these machines
// (docs/decisions/001-database-workflow.md).
// The schema reads DATABASE_URL too; without it the CLI cannot read the generator
// settings and falls back to downloading a native engine.
process.env.DATABASE_URL ||= 'file:./data/quanzi.db'

export default defineConfig({
	experimental: { adapter: true },
	engine: 'js',
	schema: path.join('prisma', 'schema.prisma'),
	migrations: { path: path.join('prisma', 'migrations') },
	async adapter() {
		return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! })
	},
})
