// npm test: installs what the tests need, then runs the unit/integration tests (vitest)
// and the browser tests (Playwright in Debian's Chromium), and prints the counts.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { bin, ensureBuild, ensureDependencies, ensurePrismaClient, root, run } from './lib.mjs'

const CHROMIUM = '/usr/bin/chromium'
const TMP = path.join(root, 'tests/.tmp')

function ensureChromium() {
	if (existsSync(CHROMIUM)) return
	const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' })
	if (process.getuid?.() === 0 && apt.status === 0) {
		console.log('Installing Debian’s chromium for the browser tests…')
		run('apt-get', ['update', '-qq'])
		run('apt-get', ['install', '-y', '-qq', 'chromium'], { env: { DEBIAN_FRONTEND: 'noninteractive' } })
		return
	}
	console.error(`The browser tests need Chromium at ${CHROMIUM}. Install it (Debian/Ubuntu: sudo apt-get install chromium) and run npm test again.`)
	process.exit(1)
}

function readJson(file) {
	try {
		return JSON.parse(readFileSync(file, 'utf8'))
	} catch {
		return undefined
	}
}

ensureDependencies()
await ensurePrismaClient()
ensureChromium()
ensureBuild()
mkdirSync(TMP, { recursive: true })

const vitestReport = path.join(TMP, 'vitest.json')
const playwrightReport = path.join(TMP, 'playwright.json')
rmSync(vitestReport, { force: true })
rmSync(playwrightReport, { force: true })

console.log('\n── Type check (tsc) ──')
const types = spawnSync(bin('tsc'), ['-p', '.'], { cwd: root, stdio: 'inherit' })
if (types.status === 0) console.log('No type errors.')

console.log('\n── Unit and integration tests (vitest) ──')
const unit = spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${vitestReport}`], { cwd: root, stdio: 'inherit' })

console.log('\n── Browser tests (Playwright, Chromium) ──')
const e2eDb = path.join(TMP, `e2e-${Date.now()}.db`)
const browser = spawnSync(bin('playwright'), ['test'], {
	cwd: root,
	stdio: 'inherit',
	env: { ...process.env, E2E_DATABASE_URL: `file:${e2eDb}` },
})

const v = readJson(vitestReport)
const p = readJson(playwrightReport)?.stats
const counts = {
	unit: { passed: v?.numPassedTests ?? 0, failed: v ? v.numFailedTests : 1 },
	browser: { passed: p?.expected ?? 0, failed: p ? p.unexpected + p.flaky : 1 },
}
const passed = counts.unit.passed + counts.browser.passed
const failed = counts.unit.failed + counts.browser.failed
console.log(`\nunit+integration: ${counts.unit.passed} passed, ${counts.unit.failed} failed`)
console.log(`browser: ${counts.browser.passed} passed, ${counts.browser.failed} failed`)
console.log(`${passed} passed, ${failed} failed`)
if (types.status !== 0) console.log('The type check failed (see above).')
process.exit(types.status === 0 && unit.status === 0 && browser.status === 0 && failed === 0 && passed > 0 ? 0 : 1)
