import { describe, expect, test } from 'vitest'
import { promotionCandidates } from '#app/domain/groups/superuser-candidates.server.ts'
import { demoteSuperUser, promoteByEmail, promoteToSuperUser, superUserBadge, updateProfileLine } from '#app/domain/groups/superusers.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { member } from '../posts/fixtures.ts'

const roleOf = async (id: string) => (await prisma.user.findUniqueOrThrow({ where: { id }, select: { role: true, profileLine: true } }))
const audits = (targetId: string) => prisma.auditLog.findMany({ where: { targetId }, orderBy: { createdAt: 'asc' }, select: { action: true, targetType: true, actorId: true } })

describe('promoting and demoting', () => {
	test('the merchant promotes a customer with a profile line and demotes them back, each logged', async () => {
		const merchant = await member({ role: 'merchant' })
		const mei = await member({ name: 'Mei' })
		expect(await promoteToSuperUser(merchant.id, mei.id, '  Tea grower, 30 years  ')).toEqual({ ok: true })
		expect(await roleOf(mei.id)).toEqual({ role: 'superuser', profileLine: 'Tea grower, 30 years' })
		expect(await superUserBadge(mei.id)).toEqual({ profileLine: 'Tea grower, 30 years' })
		// Promoting twice changes nothing and is not logged twice.
		expect(await promoteToSuperUser(merchant.id, mei.id, 'Other')).toEqual({ ok: false, error: 'superusers.error.notCustomer' })

		expect(await updateProfileLine(merchant.id, mei.id, 'Tea grower and teacher')).toEqual({ ok: true })
		expect(await updateProfileLine(merchant.id, mei.id, 'x'.repeat(81))).toEqual({ ok: false, error: 'superusers.error.profileLineTooLong' })

		expect(await demoteSuperUser(merchant.id, mei.id)).toEqual({ ok: true })
		expect(await roleOf(mei.id)).toEqual({ role: 'customer', profileLine: null })
		expect(await superUserBadge(mei.id)).toBeNull()
		expect(await demoteSuperUser(merchant.id, mei.id)).toEqual({ ok: false, error: 'superusers.error.notSuperUser' })

		expect(await audits(mei.id)).toEqual([
			{ action: 'superuser.promote', targetType: 'member', actorId: merchant.id },
			{ action: 'superuser.profileLine', targetType: 'member', actorId: merchant.id },
			{ action: 'superuser.demote', targetType: 'member', actorId: merchant.id },
		])
	})

	test('merchants are never promoted or demoted, and a long profile line is refused', async () => {
		const merchant = await member({ role: 'merchant' })
		const other = await member({ role: 'merchant' })
		const lin = await member()
		expect(await promoteToSuperUser(merchant.id, other.id, 'Staff')).toEqual({ ok: false, error: 'superusers.error.notCustomer' })
		expect(await demoteSuperUser(merchant.id, other.id)).toEqual({ ok: false, error: 'superusers.error.notSuperUser' })
		expect((await roleOf(other.id)).role).toBe('merchant')
		expect(await promoteToSuperUser(merchant.id, lin.id, 'y'.repeat(81))).toEqual({ ok: false, error: 'superusers.error.profileLineTooLong' })
		expect((await roleOf(lin.id)).role).toBe('customer')
		expect(await audits(other.id)).toEqual([])
	})

	test('a demoted leader keeps the groups they lead', async () => {
		const merchant = await member({ role: 'merchant' })
		const wen = await member({ name: 'Wen' })
		await promoteToSuperUser(merchant.id, wen.id, 'Mothers’ circle')
		const group = await prisma.group.create({ data: { leaderId: wen.id, name: 'Tea mothers', memberCap: 50 }, select: { id: true } })
		await demoteSuperUser(merchant.id, wen.id)
		expect(await prisma.group.findUnique({ where: { id: group.id }, select: { leaderId: true } })).toEqual({ leaderId: wen.id })
	})

	test('promoting by email finds the member whatever the case of the address', async () => {
		const merchant = await member({ role: 'merchant' })
		const tom = await member()
		const { email } = await prisma.user.findUniqueOrThrow({ where: { id: tom.id }, select: { email: true } })
		expect(await promoteByEmail(merchant.id, email.toUpperCase(), 'Photographer')).toEqual({ ok: true })
		expect((await roleOf(tom.id)).role).toBe('superuser')
		expect(await promoteByEmail(merchant.id, 'nobody@quanzi.test', 'x')).toEqual({ ok: false, error: 'superusers.error.noSuchMember' })
	})
})

describe('promotion candidates', () => {
	test('customers are ranked by referrals, featured posts, votes on winners and helpful likes, each shown', async () => {
		const [bringer, writer, picker] = [await member({ name: 'Bringer' }), await member({ name: 'Writer' }), await member({ name: 'Picker' })]
		const leader = await member({ name: 'Already super' })
		await prisma.user.update({ where: { id: leader.id }, data: { role: 'superuser' } })
		const banned = await member({ name: 'Banned' })
		await prisma.user.update({ where: { id: banned.id }, data: { bannedAt: new Date() } })

		// Bringer brought three members (one more is held by the fraud rules and does not count).
		const brought = await Promise.all(Array.from({ length: 4 }, () => member()))
		const attribution = (referrerId: string, memberId: string, status = 'paid') =>
			prisma.attribution.create({ data: { memberId, referrerId, status, campaign: 'referral', visitedAt: new Date(), signupIp: '10.0.0.2' } })
		await Promise.all(brought.slice(0, 3).map((m) => attribution(bringer.id, m.id)))
		await attribution(bringer.id, brought[3]!.id, 'flagged')
		// The super-user and the banned member brought more, but are not candidates.
		const more = await Promise.all(Array.from({ length: 2 }, () => member()))
		await attribution(leader.id, more[0]!.id)
		await attribution(banned.id, more[1]!.id)

		// Writer: one featured post with 7 helpful likes, and a hidden featured one that does not count.
		const post = (authorId: string, data: { featuredAt?: Date; likeCount?: number; status?: string }) =>
			prisma.post.create({ data: { authorId, kind: 'show', body: 'My order arrived', status: 'published', ...data } })
		await post(writer.id, { featuredAt: new Date(), likeCount: 7 })
		await post(writer.id, { featuredAt: new Date(), likeCount: 40, status: 'hidden' })

		// Picker: votes on two ideas that won and one that was declined.
		const idea = (stage: string) => prisma.candidate.create({ data: { title: `Idea ${stage}`, proposedById: leader.id, stage }, select: { id: true } })
		const ideas = await Promise.all([idea('selected'), idea('instock'), idea('declined')])
		await Promise.all(ideas.map((c) => prisma.vote.create({ data: { candidateId: c.id, memberId: picker.id } })))
		await post(picker.id, { likeCount: 1 })

		const candidates = await promotionCandidates()
		expect(candidates.map((c) => [c.displayName, c.referrals, c.featured, c.winningVotes, c.likes, c.score])).toEqual([
			['Bringer', 3, 0, 0, 0, 30],
			['Writer', 0, 1, 0, 7, 12],
			['Picker', 0, 0, 2, 1, 5],
		])
	})
})
