import path from 'node:path'
import { PrismaPg } from '@prisma/adapter-pg'
import { defineConfig } from 'prisma/config'
process.env.DATABASE_URL ||= 'postgresql://quanzi@127.0.0.1:5432/quanzi'
export default defineConfig({
	experimental: { adapter: true },
	engine: 'js',
	schema: path.join(import.meta.dirname, 'schema.prisma'),
	migrations: { path: path.join(import.meta.dirname, 'migrations') },
	async adapter() {
		return new PrismaPg({ connectionString: process.env.DATABASE_URL! })
	},
})
