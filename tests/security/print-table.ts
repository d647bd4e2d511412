/**
 * Prints the access table (tests/security/access-table.ts) as Markdown, with the latest walk's
 * figures when tests/.tmp/security-access.json is there (written by access.test.ts).
 *   npx tsx tests/security/print-table.ts            prints it
 *   npx tsx tests/security/print-table.ts --write    puts it into docs/security.md, between its markers
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ACCESS_TABLE, refusalFor, ROLES, rowName, type AccessRow, type Role } from './access-table.ts'

const ROOT = path.resolve(import.meta.dirname, '../..')
const RESULTS = path.join(ROOT, 'tests/.tmp/security-access.json')
const DOC = path.join(ROOT, 'docs/security.md')
const START = '<!-- access-table:start -->'
const END = '<!-- access-table:end -->'

type Walk = { walkedAt: string; rows: { row: string; unchanged: boolean; attempts: { kind: string; pass: boolean }[] }[] }

const HEAD: Record<Role, string> = { anonymous: 'visitor', customer: 'customer', superuser: 'super-user', leader: 'group leader', merchant: 'merchant' }
const cell = (row: AccessRow, role: Role) => (row.allowed.includes(role) ? '✓' : refusalText(String(refusalFor(row, role))))
const refusalText = (refusal: string) => (refusal === 'login' ? 'login' : refusal === 'error' ? 'refused' : refusal === '302' ? 'sent on' : refusal)
const escape = (text: string) => text.replaceAll('|', '\\|')

function where(row: AccessRow): string {
	if (row.kind === 'socket') return `\`${row.event}\``
	return `\`${rowName(row).replace(/^(GET|POST) /, '')}\``
}

function summary(): string {
	if (!existsSync(RESULTS)) return 'No walk recorded yet: run `npx vitest run tests/security/access.test.ts`.'
	const walk = JSON.parse(readFileSync(RESULTS, 'utf8')) as Walk
	const attempts = walk.rows.flatMap((r) => r.attempts)
	const count = (kind: string) => attempts.filter((a) => a.kind === kind).length
	const failed = attempts.filter((a) => !a.pass).length + walk.rows.filter((r) => !r.unchanged).length
	return [
		`Latest walk (${walk.walkedAt}): ${walk.rows.length} rows, ${attempts.length} attempts — ${count('allowed')} as an allowed role,`,
		`${count('refused')} as a refused role and ${count('idor')} with another member's ids; ${failed === 0 ? 'every one as the table says, with nothing changed' : `${failed} not as the table says`}.`,
	].join(' ')
}

export function accessTableMarkdown(): string {
	const lines = [
		summary(),
		'',
		`| Route or event | Source | ${ROLES.map((r) => HEAD[r]).join(' | ')} | Another member's ids | Note |`,
		`|---|---|${ROLES.map(() => ':-:').join('|')}|---|---|`,
	]
	for (const row of ACCESS_TABLE) {
		const method = row.kind === 'socket' ? 'emit' : row.method
		const idor = row.idor ? `${row.idor.what} → ${refusalText(String(row.idor.expect))}` : ''
		lines.push(`| ${method} ${where(row)} | ${row.source} | ${ROLES.map((r) => cell(row, r)).join(' | ')} | ${escape(idor)} | ${escape(row.note ?? '')} |`)
	}
	lines.push('', "✓ allowed (each allowed role's page or answer is checked too); login: sent to the login page; a number: the status; refused: the socket's error answer; sent on: redirected elsewhere.")
	return lines.join('\n')
}

if (process.argv.includes('--write')) {
	const doc = readFileSync(DOC, 'utf8')
	const from = doc.indexOf(START)
	const to = doc.indexOf(END)
	if (from < 0 || to < from) throw new Error(`${DOC} has no ${START} … ${END} markers`)
	writeFileSync(DOC, `${doc.slice(0, from + START.length)}\n${accessTableMarkdown()}\n${doc.slice(to)}`)
	console.log(`wrote the access table into ${path.relative(ROOT, DOC)}`)
} else {
	console.log(accessTableMarkdown())
}
