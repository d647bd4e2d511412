// Fills the benchmark's database with what the board bench reads: an open round of 20 ideas,
// each with a photo from the real media pipeline and some votes. Run before the server starts,
// with DATABASE_URL and DATA_DIR pointing at the benchmark's own files.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { createUser } from '#app/domain/accounts/accounts.server.ts'
import { ingestUploads } from '#app/domain/media/ingest.server.ts'
import { loadAuthor } from '#app/domain/posts/posts.server.ts'
import { createCandidate } from '#app/domain/voting/candidates.server.ts'
import { createRound } from '#app/domain/voting/rounds.server.ts'
import { castVote } from '#app/domain/voting/votes.server.ts'
import { connectDatabase, prisma } from '#app/lib/db.server.ts'

const IDEAS = 20
const VOTERS = 30

await connectDatabase()
const dir = mkdtempSync(path.join(tmpdir(), 'quanzi-bench-board-'))
try {
	const staffUser = await createUser({ email: 'bench-staff@quanzi.test', displayName: 'Bench shop', password: 'bench password', role: 'merchant' })
	const staff = (await loadAuthor(staffUser!.id))!
	const round = await createRound(staff.id, { title: 'Bench round', description: 'Pick what we make next.', maxVotes: undefined, days: 30 })
	const ids: string[] = []
	for (let n = 0; n < IDEAS; n++) {
		const file = path.join(dir, `${n}.jpg`)
		const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="1200"><rect width="1200" height="1200" fill="hsl(${(n * 37) % 360} 45% 75%)"/><rect x="300" y="300" width="600" height="600" rx="80" fill="hsl(${(n * 53) % 360} 40% 40%)"/></svg>`
		writeFileSync(file, await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer())
		const media = await ingestUploads([{ field: 'photos', path: file, bytes: 0, kind: 'image', format: 'jpeg', name: `${n}.jpg` }], staff.id)
		if (!media.ok) throw new Error(media.failure.message)
		const made = await createCandidate(staff, { title: `Bench idea ${n}`, description: 'A product idea the circle votes on.', roundId: round.id, targetPrice: 9900 + n * 100, variants: ['S', 'M', 'L'] }, media.media)
		if (!made.ok) throw new Error(made.error)
		ids.push(made.id)
	}
	for (let v = 0; v < VOTERS; v++) {
		const user = await createUser({ email: `bench-voter-${v}@quanzi.test`, displayName: `Voter ${v}`, password: 'bench password' })
		await prisma.user.update({ where: { id: user!.id }, data: { createdAt: new Date(Date.now() - 30 * 86_400_000) } })
		const voter = (await loadAuthor(user!.id))!
		for (let k = 0; k < 3; k++) await castVote(voter, ids[(v + k * 7) % IDEAS]!, { variant: ['S', 'M', 'L'][k] })
	}
} finally {
	rmSync(dir, { recursive: true, force: true })
	await prisma.$disconnect()
}
