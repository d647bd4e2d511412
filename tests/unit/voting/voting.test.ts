import { describe, expect, test } from 'vitest'
import { getBalance } from '#app/domain/points/ledger.server.ts'
import { createCandidate, findSimilar, getCandidate, reviewSuggestion } from '#app/domain/voting/candidates.server.ts'
import { countVotes } from '#app/domain/voting/counts.server.ts'
import { credits, forecast, reserve } from '#app/domain/voting/presale.server.ts'
import { createRound } from '#app/domain/voting/rounds.server.ts'
import { canMove, mergeCandidates, setStage } from '#app/domain/voting/stages.server.ts'
import { castVote, withdrawVote } from '#app/domain/voting/votes.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { member, order } from '../posts/fixtures.ts'

async function round(maxVotes?: number, days = 7) {
	const staff = await member({ role: 'merchant' })
	const { id } = await createRound(staff.id, { title: 'Autumn bags', description: '', maxVotes, days })
	return { staff, roundId: id }
}

async function idea(staff: Awaited<ReturnType<typeof member>>, roundId: string | undefined, extra: { variants?: string[]; selectAt?: number; title?: string; deposit?: number } = {}) {
	const result = await createCandidate(staff, { title: extra.title ?? 'Canvas tote', description: '', roundId, variants: extra.variants ?? [], selectAt: extra.selectAt, deposit: extra.deposit })
	if (!result.ok) throw new Error(result.error)
	return result.id
}

const votesOf = async (candidateId: string) => (await countVotes([candidateId])).get(candidateId)!

describe('votes', () => {
	test('200 concurrent votes by one member make one vote', async () => {
		const { staff, roundId } = await round()
		const c = await idea(staff, roundId)
		const fan = await member()
		const results = await Promise.all(Array.from({ length: 200 }, () => castVote(fan, c)))
		expect(results.every((r) => r.ok)).toBe(true)
		expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1)
		expect(await prisma.vote.count({ where: { candidateId: c } })).toBe(1)
		expect(await votesOf(c)).toEqual({ votes: 1, newVotes: 0 })
	})

	test('a budget of 3 holds when a member votes for 6 ideas at once; withdrawing frees a vote', async () => {
		const { staff, roundId } = await round(3)
		const ideas = await Promise.all(Array.from({ length: 6 }, (_, i) => idea(staff, roundId, { title: `Bag ${i}` })))
		const fan = await member()
		const results = await Promise.all(ideas.map((c) => castVote(fan, c)))
		expect(results.filter((r) => r.ok)).toHaveLength(3)
		expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error)).toEqual(['vote.error.budget', 'vote.error.budget', 'vote.error.budget'])
		expect(await prisma.vote.count({ where: { memberId: fan.id } })).toBe(3)
		expect((await prisma.ballot.findUnique({ where: { roundId_memberId: { roundId, memberId: fan.id } } }))?.used).toBe(3)
		const voted = ideas.filter((_, i) => results[i]!.ok)
		const notVoted = ideas.filter((_, i) => !results[i]!.ok)
		expect(await withdrawVote(fan, voted[0]!)).toEqual({ ok: true })
		expect(await castVote(fan, notVoted[0]!)).toEqual({ ok: true, duplicate: false })
		expect(await castVote(fan, notVoted[1]!)).toMatchObject({ ok: false, error: 'vote.error.budget', params: { max: 3 } })
	})

	test('a closed round, a declined idea and an unknown variant are refused, changing nothing', async () => {
		const { staff, roundId } = await round()
		const c = await idea(staff, roundId, { variants: ['Red', 'Blue'] })
		const fan = await member()
		expect(await castVote(fan, c, { variant: 'Green' })).toMatchObject({ ok: false, error: 'vote.error.variant' })
		await prisma.voteRound.update({ where: { id: roundId }, data: { endsAt: new Date(Date.now() - 1000) } })
		expect(await castVote(fan, c, { variant: 'Red' })).toMatchObject({ ok: false, error: 'vote.error.closed' })
		const other = await idea(staff, undefined)
		expect(await castVote(fan, other)).toMatchObject({ ok: false, error: 'vote.error.closed' })
		expect(await castVote(fan, 'nope')).toMatchObject({ ok: false, error: 'vote.error.notFound' })
		expect(await prisma.vote.count({ where: { memberId: fan.id } })).toBe(0)
	})

	test('new accounts vote, but count apart until they age or buy; only counted votes earn points', async () => {
		const { staff, roundId } = await round()
		const c = await idea(staff, roundId)
		const [old, fresh, freshBuyer] = [await member({ ageDays: 30 }), await member({ ageDays: 0 }), await member({ ageDays: 0 })]
		await order(freshBuyer.id, 'ANY-SKU')
		for (const m of [old, fresh, freshBuyer]) expect(await castVote(m, c)).toMatchObject({ ok: true })
		expect(await votesOf(c)).toEqual({ votes: 2, newVotes: 1 })
		expect(await getBalance(old.id)).toBe(2)
		expect(await getBalance(fresh.id)).toBe(0)
		await prisma.user.update({ where: { id: fresh.id }, data: { createdAt: new Date(Date.now() - 25 * 3_600_000) } })
		expect(await votesOf(c)).toEqual({ votes: 3, newVotes: 0 })
	})

	test('merging carries votes across and never counts a member twice', async () => {
		const { staff, roundId } = await round(5)
		const a = await idea(staff, roundId, { title: 'Leather backpack' })
		const b = await idea(staff, roundId, { title: 'Backpack, leather' })
		const [both, onlyA, onlyB] = [await member(), await member(), await member()]
		await castVote(both, a)
		await castVote(both, b)
		await castVote(onlyA, a, { variant: undefined, comment: 'Brown please' })
		await castVote(onlyB, b)
		expect(await mergeCandidates(staff.id, a, b)).toEqual({ ok: true, moved: 1, dropped: 1 })
		expect(await votesOf(b)).toEqual({ votes: 3, newVotes: 0 })
		expect(await prisma.vote.count({ where: { candidateId: a } })).toBe(0)
		expect((await prisma.ballot.findUnique({ where: { roundId_memberId: { roundId, memberId: both.id } } }))?.used).toBe(1)
		expect(await prisma.candidate.findUnique({ where: { id: a }, select: { stage: true, mergedIntoId: true } })).toEqual({ stage: 'declined', mergedIntoId: b })
		expect(await castVote(onlyB, a)).toMatchObject({ ok: false, error: 'vote.error.closed' })
		const elsewhere = await idea(staff, undefined, { title: 'Elsewhere' })
		expect(await mergeCandidates(staff.id, elsewhere, b)).toEqual({ ok: false, error: 'vote.error.mergeRound' })
	})
})

describe('stages', () => {
	test('forward only (skipping allowed), declined from anywhere before the shelves, with a reason', async () => {
		expect(canMove('voting', 'presale')).toBe(true)
		expect(canMove('presale', 'voting')).toBe(false)
		expect(canMove('instock', 'declined')).toBe(false)
		const { staff, roundId } = await round()
		const c = await idea(staff, roundId)
		expect(await setStage(staff.id, c, 'declined')).toEqual({ ok: false, error: 'vote.error.reasonRequired' })
		expect(await setStage(staff.id, c, 'declined', 'Too costly to make')).toEqual({ ok: true })
		expect(await setStage(staff.id, c, 'voting')).toEqual({ ok: false, error: 'vote.error.stage' })
	})

	test('the vote that reaches the threshold selects the idea; voters hear of each move unless they switched it off', async () => {
		const { staff, roundId } = await round()
		const c = await idea(staff, roundId, { selectAt: 2, title: 'Wool scarf' })
		const [a, b] = [await member(), await member()]
		await prisma.user.update({ where: { id: b.id }, data: { notifyVotes: false } })
		await castVote(a, c)
		expect((await getCandidate(c, null))?.stage).toBe('voting')
		await castVote(b, c)
		expect((await getCandidate(c, null))?.stage).toBe('selected')
		expect(await prisma.notification.findMany({ where: { kind: 'voteSelected', userId: { in: [a.id, b.id] } }, select: { userId: true, params: true } })).toEqual([{ userId: a.id, params: JSON.stringify({ title: 'Wool scarf', reason: '' }) }])
	})

	test('on the shelves: every counted voter earns the reward once', async () => {
		const { staff, roundId } = await round()
		const c = await idea(staff, roundId)
		const [fan, fresh] = [await member(), await member({ ageDays: 0 })]
		await castVote(fan, c)
		await castVote(fresh, c)
		const before = await getBalance(fan.id)
		await setStage(staff.id, c, 'presale')
		await Promise.all([setStage(staff.id, c, 'instock'), setStage(staff.id, c, 'instock')])
		expect(await getBalance(fan.id)).toBe(before + 30)
		expect(await getBalance(fresh.id)).toBe(0)
		expect(await prisma.notification.count({ where: { userId: fan.id, kind: 'voteInStock' } })).toBe(1)
	})
})

describe('pre-sale', () => {
	test('reservations: only in pre-sale, a listed variant, the quantity set again not added; the forecast adds up', async () => {
		const { staff, roundId } = await round()
		const c = await idea(staff, roundId, { variants: ['S', 'M'], deposit: 2000 })
		const [a, b] = [await member(), await member()]
		await castVote(a, c, { variant: 'S' })
		await castVote(b, c, { variant: 'M' })
		expect(await reserve(a, c, { variant: 'S', quantity: 1 })).toEqual({ ok: false, error: 'vote.error.notPresale' })
		await setStage(staff.id, c, 'presale')
		expect(await reserve(a, c, { variant: 'XL', quantity: 1 })).toMatchObject({ ok: false, error: 'vote.error.variant' })
		expect(await reserve(a, c, { variant: 'S', quantity: 1 })).toMatchObject({ ok: true })
		expect(await reserve(a, c, { variant: 'S', quantity: 2 })).toMatchObject({ ok: true })
		expect(await reserve(b, c, { variant: 'S', quantity: 1 })).toMatchObject({ ok: true })
		const plan = await forecast(c)
		expect(plan.rows).toEqual([
			{ variant: 'S', votes: 1, reservations: 2, quantity: 3, depositCents: 6000 },
			{ variant: 'M', votes: 1, reservations: 0, quantity: 0, depositCents: 0 },
		])
		expect(plan.totals).toMatchObject({ votes: 2, reservations: 2, quantity: 3 })
	})

	test('credits name the first voters who agreed to be named', async () => {
		const { staff, roundId } = await round()
		const c = await idea(staff, roundId)
		const shy = await member({ name: 'Shy' })
		await prisma.user.update({ where: { id: shy.id }, data: { creditVotes: false } })
		await castVote(shy, c)
		await castVote(await member({ name: 'Ana' }), c)
		expect(await credits(c)).toEqual({ fans: 2, names: ['Ana'] })
	})
})

describe('suggestions', () => {
	test('a member’s suggestion waits for approval, seen only by its author and staff', async () => {
		const { staff, roundId } = await round()
		const author = await member()
		const other = await member()
		const made = await createCandidate(author, { title: '儿童防水书包', description: '' })
		expect(made).toMatchObject({ ok: true, review: 'pending' })
		const id = made.ok ? made.id : ''
		expect(await getCandidate(id, other)).toBeNull()
		expect((await getCandidate(id, author))?.review).toBe('pending')
		expect(await castVote(other, id)).toMatchObject({ ok: false, error: 'vote.error.notFound' })
		expect(await reviewSuggestion(staff.id, id, 'approve', roundId)).toBe(true)
		expect((await getCandidate(id, other))?.stage).toBe('voting')
		expect(await castVote(other, id)).toMatchObject({ ok: true })
	})

	test('similar ideas are found while typing, in Chinese and in English', async () => {
		const { staff, roundId } = await round()
		await idea(staff, roundId, { title: '防水双肩书包' })
		await idea(staff, roundId, { title: 'Waterproof school backpack' })
		expect((await findSimilar('双肩书包')).map((c) => c.title)).toContain('防水双肩书包')
		expect((await findSimilar('school backpack for kids')).map((c) => c.title)).toContain('Waterproof school backpack')
		expect(await findSimilar('x')).toEqual([])
	})
})
