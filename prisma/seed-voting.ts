// Demo voting board: an open round of tea ware ideas with a few votes, and one idea already
// in pre-sale, so the board, a candidate page and the forecast all have something to show.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ingestUploads } from '#app/domain/media/ingest.server.ts'
import { loadAuthor } from '#app/domain/posts/posts.server.ts'
import { createCandidate } from '#app/domain/voting/candidates.server.ts'
import { createRound } from '#app/domain/voting/rounds.server.ts'
import { setStage } from '#app/domain/voting/stages.server.ts'
import { castVote } from '#app/domain/voting/votes.server.ts'
import { photos, type Scene } from './seed-posts.ts'

const IDEAS: { title: string; description: string; scene: Scene; hue: number; price: number; variants: string[] }[] = [
	{ title: 'Travel tea set in a linen case', description: 'A pot, two cups and a tray that fold into one case.', scene: 'pot', hue: 30, price: 268, variants: ['Indigo', 'Sand'] },
	{ title: 'Double-wall glass cup, 300 ml', description: 'Keeps the hand cool and the tea hot; see the leaves dance.', scene: 'cup', hue: 190, price: 88, variants: [] },
	{ title: '茶叶罐三件套', description: '密封锡罐，大中小三只，适合绿茶、红茶和乌龙。', scene: 'tin', hue: 0, price: 128, variants: ['银色', '金色'] },
	{ title: 'Bamboo tea tray', description: 'Drains into a hidden drawer; 40 × 25 cm.', scene: 'leaves', hue: 60, price: 198, variants: [] },
	{ title: 'Celadon gaiwan', description: 'A lidded bowl for gongfu brewing, 120 ml.', scene: 'cup', hue: 150, price: 118, variants: ['Light', 'Deep green'] },
]

export async function seedVoting(accounts: Record<'merchant' | 'mei' | 'lin', string>): Promise<void> {
	const dir = mkdtempSync(path.join(tmpdir(), 'quanzi-seed-vote-'))
	try {
		const staff = (await loadAuthor(accounts.merchant))!
		const round = await createRound(staff.id, { title: 'Autumn tea ware: pick 3 of 5', description: 'Vote for up to three. The three with the most votes go into production.', maxVotes: 3, days: 14 })
		const ids: string[] = []
		for (const idea of IDEAS) {
			const media = await ingestUploads(await photos(dir, [idea.scene], idea.hue), staff.id)
			if (!media.ok) throw new Error(`demo idea photos: ${media.failure.message}`)
			const made = await createCandidate(staff, { title: idea.title, description: idea.description, roundId: round.id, targetPrice: idea.price * 100, variants: idea.variants }, media.media)
			if (!made.ok) throw new Error(`demo idea: ${made.error}`)
			ids.push(made.id)
		}
		const [mei, lin] = [(await loadAuthor(accounts.mei))!, (await loadAuthor(accounts.lin))!]
		await castVote(mei, ids[0]!, { variant: 'Indigo', comment: 'Would take it to the office.' })
		await castVote(mei, ids[2]!, { variant: '金色' })
		await castVote(lin, ids[0]!, { variant: 'Sand' })
		await castVote(lin, ids[1]!)
		const bowl = await ingestUploads(await photos(dir, ['cup'], 100), staff.id)
		const presale = await createCandidate(staff, { title: 'Hand-thrown matcha bowl', description: 'Chosen by the circle last spring; now in pre-sale.', deposit: 5000, targetPrice: 36000, variants: ['Black', 'White'] }, bowl.ok ? bowl.media : [])
		if (presale.ok) await setStage(staff.id, presale.id, 'presale')
	} finally {
		rmSync(dir, { recursive: true, force: true })
	}
}
