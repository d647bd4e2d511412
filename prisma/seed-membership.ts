// Demo membership: a tier ladder, coupon templates, orders imported through the real CSV import
// (so badges, tiers and tier coupons follow from them), tags, segments and a targeted article.
import { issueCoupon } from '#app/domain/membership/coupons.server.ts'
import { parseOrdersCsv } from '#app/domain/membership/orders-csv.server.ts'
import { importOrders } from '#app/domain/membership/orders-import.server.ts'
import { SUGGESTED_LADDER, saveTiers } from '#app/domain/membership/tier-admin.server.ts'
import { addChild } from '#app/domain/segments/children.server.ts'
import { saveSegment } from '#app/domain/segments/segment-admin.server.ts'
import { addTag } from '#app/domain/segments/tags.server.ts'
import { prisma } from '#app/lib/db.server.ts'

type Ids = Record<'merchant' | 'leader' | 'mei' | 'lin' | 'tom', string>

const DAY = 86_400_000
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString()

async function seedTemplates() {
	const create = (data: { name: string; kind: string; value: number; minSpendCents: number; validDays: number; auto?: string }) =>
		prisma.couponTemplate.create({ data, select: { id: true } })
	const spring = await create({ name: '¥20 off orders of ¥199', kind: 'amount', value: 2000, minSpendCents: 19900, validDays: 30 })
	await create({ name: 'Birthday treat: 15% off', kind: 'percent', value: 15, minSpendCents: 0, validDays: 31, auto: 'birthday' })
	await create({ name: 'We miss you: ¥30 off', kind: 'amount', value: 3000, minSpendCents: 15000, validDays: 30, auto: 'winback' })
	const gold = await create({ name: 'Gold welcome: ¥50 off', kind: 'amount', value: 5000, minSpendCents: 30000, validDays: 60 })
	return { spring: spring.id, gold: gold.id }
}

/** Aunt Wen reaches Gold, Lin Silver (her review of the cup is not a verified buyer's yet); Mei bought one tin of tea; one order waits to be claimed. */
function demoOrdersCsv(): string {
	return [
		'order_id,placed_at,email,phone,claim_code,status,total,coupon,ref,items',
		`DEMO-1001,${daysAgo(40)},leader@quanzi.test,,,paid,9760.00,,,POT-YX x20 @320.00; LJ-250 x20 @168.00`,
		`DEMO-1002,${daysAgo(21)},lin@quanzi.test,,,paid,2016.00,,,LJ-250 x12 @168.00`,
		`DEMO-1003,${daysAgo(12)},mei@quanzi.test,,,paid,168.00,,,LJ-250 x1 @168.00`,
		`DEMO-1004,${daysAgo(9)},,+86 139 0000 0000,,paid,68.00,,,CUP-CEL x1 @68.00`,
		`DEMO-1005,${daysAgo(5)},lin@quanzi.test,,,refunded,68.00,,,CUP-CEL x1 @68.00`,
	].join('\n')
}

export async function seedMembership(ids: Ids): Promise<number> {
	const templates = await seedTemplates()
	const ladder = await saveTiers({ ...SUGGESTED_LADDER, tiers: SUGGESTED_LADDER.tiers.map((t) => (t.name === 'Gold' ? { ...t, couponTemplateId: templates.gold } : t)) })
	if (!ladder.ok) throw new Error(`demo tiers refused: ${JSON.stringify(ladder)}`)

	const parsed = parseOrdersCsv(new TextEncoder().encode(demoOrdersCsv()))
	if (!parsed.ok) throw new Error(`demo orders refused: ${JSON.stringify(parsed.problem)}`)
	const imported = await importOrders({ incoming: parsed.orders, source: 'csv', file: { name: 'demo-orders.csv', sha256: 'demo' }, byId: ids.merchant })

	await prisma.user.update({ where: { id: ids.mei }, data: { region: '上海' }, select: { id: true } })
	await prisma.user.update({ where: { id: ids.lin }, data: { region: 'Hangzhou' }, select: { id: true } })
	for (const email of ['mei@quanzi.test', 'lin@quanzi.test']) await addTag(ids.merchant, { email, tag: 'loves green tea' })
	await addTag(ids.merchant, { email: 'leader@quanzi.test', tag: 'oolong' })
	const now = new Date()
	await addChild(ids.mei, { birthYear: String(now.getUTCFullYear() - 4), birthMonth: '3', consent: 'on' })

	const tiers = await prisma.tier.findMany({ where: { name: { in: ['Gold', 'Diamond'] } }, select: { id: true } })
	const greenTea = await saveSegment({ name: 'Green tea lovers', rules: { tags: ['loves green tea'] } })
	await saveSegment({ name: 'Gold and above', rules: { tiers: tiers.map((t) => t.id) } })
	await saveSegment({ name: 'Young families', rules: { childBands: ['0-3', '3-6'] } })
	await saveSegment({ name: 'Lapsed for 90 days', rules: { noOrderForDays: 90 } })
	if (greenTea.ok) {
		await prisma.post.create({
			data: {
				authorId: ids.merchant, kind: 'article', status: 'published', publishedAt: new Date(), segmentId: greenTea.id,
				title: 'For our green tea lovers: first taste of the autumn Longjing',
				body: 'You told us you love green tea, so you hear it first: the autumn Longjing is in. Brew it at 80 °C, three grams to 150 ml, and tell us how it compares with the spring leaves.',
			},
			select: { id: true },
		})
	}
	await issueCoupon({ templateId: templates.spring, userId: ids.mei, source: 'manual', key: 'demo:mei:spring' })
	return imported.counts.created
}
