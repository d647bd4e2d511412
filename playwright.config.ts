import { defineConfig } from '@playwright/test'

const PORT = 3107
const BASE_URL = `http://127.0.0.1:${PORT}`

// Browser journeys against the real server, started as users start it (npm start),
// on a fresh database (npm test passes a new E2E_DATABASE_URL each run).
export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'tests/.tmp/playwright-results',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	// The journeys span several members and pages; on a shared, busy machine 30 s was too tight.
	timeout: 60_000,
	reporter: [['list'], ['json', { outputFile: 'tests/.tmp/playwright.json' }]],
	use: {
		baseURL: BASE_URL,
		locale: 'en-US',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
		},
	},
	projects: [{ name: 'chromium' }],
	webServer: {
		command: 'node scripts/start.mjs',
		url: `${BASE_URL}/healthz`,
		reuseExistingServer: false,
		timeout: 300_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			DATABASE_URL: process.env.E2E_DATABASE_URL ?? `file:./tests/.tmp/e2e-${Date.now()}.db`,
			PUBLIC_URL: BASE_URL,
			DATA_DIR: './tests/.tmp/e2e-data',
			LOG_REQUESTS: 'false',
		},
	},
})
