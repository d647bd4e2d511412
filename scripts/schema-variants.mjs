// prisma/schema.prisma is the one source of the data model. The PostgreSQL variant,
// prisma/postgres/schema.prisma, is made from it here: same models, another provider and
// another client folder. `npm run db:migration -- --check` fails when the two disagree.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
export const SOURCE = path.join(root, 'prisma/schema.prisma')
export const POSTGRES_VARIANT = path.join(root, 'prisma/postgres/schema.prisma')

const HEADER = `// MADE FROM prisma/schema.prisma by scripts/schema-variants.mjs: edit that file, not this one.
// The PostgreSQL variant of the data model: the same models, for DATABASE_URL=postgresql://…
`

/** The PostgreSQL variant of the schema source; throws when the source lost a line it rewrites. */
export function postgresSchema(source) {
	const rewrites = [
		[/^(\s*provider\s*=\s*)"sqlite"/m, '$1"postgresql"'],
		[/^(\s*output\s*=\s*)"\.\.\/app\/generated\/prisma"/m, '$1"../../app/generated/prisma-pg"'],
	]
	let text = source
	for (const [pattern, replacement] of rewrites) {
		if (!pattern.test(text)) throw new Error(`prisma/schema.prisma no longer has a line matching ${pattern}; update scripts/schema-variants.mjs`)
		text = text.replace(pattern, replacement)
	}
	return HEADER + text
}

/** Writes the variant; returns true when it changed. */
export function writePostgresVariant() {
	const next = postgresSchema(readFileSync(SOURCE, 'utf8'))
	let current = ''
	try {
		current = readFileSync(POSTGRES_VARIANT, 'utf8')
	} catch {}
	if (current === next) return false
	writeFileSync(POSTGRES_VARIANT, next)
	return true
}

/** The problem with the committed variant, or undefined when it is exactly what the source makes. */
export function variantDrift() {
	const expected = postgresSchema(readFileSync(SOURCE, 'utf8'))
	let current = ''
	try {
		current = readFileSync(POSTGRES_VARIANT, 'utf8')
	} catch {
		return 'prisma/postgres/schema.prisma is missing'
	}
	return current === expected ? undefined : 'prisma/postgres/schema.prisma differs from what prisma/schema.prisma makes'
}
