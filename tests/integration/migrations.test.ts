import { spawnSync } from 'node:child_process'
import { describe, expect, test } from 'vitest'
import { ROOT } from '#tests/setup/paths.ts'

describe('migrations', () => {
	test('the committed migrations build exactly prisma/schema.prisma', () => {
		const result = spawnSync(process.execPath, ['scripts/db-migration.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' })
		expect(result.stderr + result.stdout).toContain('Migrations match prisma/schema.prisma.')
		expect(result.status).toBe(0)
	})
})
