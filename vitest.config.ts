import { defineConfig } from 'vitest/config'

// Separate from vite.config.ts: the tests need no Remix plugin.
export default defineConfig({
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/security/**/*.test.ts', 'tests/faults/**/*.test.ts'],
		globalSetup: ['tests/setup/global-setup.ts'],
		setupFiles: ['tests/setup/test-db.ts'],
		pool: 'forks',
		testTimeout: 30_000,
		hookTimeout: 120_000,
	},
})
