// Demo live rooms: one on air now, one tomorrow evening with two members waiting, and one that
// ended three days ago with its chat, pins, likes and a finished flash sale, so the list, the
// room page, the replay and the merchant's summary all have something to show.
// NOTE: rows are written directly (a room's status and history are not something a form
// sets) and never through the points ledger: the browser tests count the demo members' points.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setLiveHosts } from '#app/domain/live/room-hosts.server.ts'
import { setSubscription } from '#app/domain/live/rooms.server.ts'
import { ingestUploads } from '#app/domain/media/ingest.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { photos, type Scene } from './seed-posts.ts'

type Accounts = Record<'merchant' | 'leader' | 'mei' | 'lin' | 'tom', string>
type Line = [who: 'leader' | 'mei' | 'lin' | 'tom', body: string]

const MINUTE = 60_000

const LIVE_CHAT: Line[] = [
	['mei', '来了来了！'],
	['lin', 'Evening everyone 👋'],
	['tom', 'Is this year’s Longjing from the same farm as last year?'],
	['leader', 'Same hills, a different family this year. Wait for the tasting 🍵'],
	['mei', '叶子好漂亮，能再拿近一点吗？'],
	['lin', 'What water temperature do you use?'],
	['tom', '80 degrees, she said earlier'],
	['mei', '想要！什么时候开秒杀？'],
	['lin', 'The celadon cup would go well with it'],
	['leader', 'Flash sale in a few minutes, get ready'],
	['tom', '🔥🔥🔥'],
	['mei', '已点“想要”'],
]

const REPLAY_CHAT: Line[] = [
	['mei', '晚上好～'], ['lin', 'Hi from Hangzhou!'], ['tom', 'First time here'], ['leader', 'Welcome Tom 👋'],
	['mei', '今天讲紫砂壶吗？'], ['lin', 'How do you season a new clay pot?'], ['tom', 'That pot is gorgeous'],
	['leader', 'Boil it in water with a few leaves, then let it dry'], ['mei', '秒杀价多少？'], ['lin', 'Ready for the sale'],
	['tom', 'Missed it, so fast 😭'], ['mei', '抢到了两罐！'], ['lin', 'Got one tin'], ['tom', 'Buy cheap tea at example.com'],
	['leader', 'Please keep links out of the chat'], ['mei', '壶的容量是多少？'], ['lin', '220 ml, it says on the card'],
	['tom', 'Will there be another sale for the pot?'], ['mei', '想要壶！'], ['lin', 'Same'], ['tom', 'Same here'],
	['leader', 'Next week, with a tasting of aged oolong'], ['mei', '谢谢老板！'], ['lin', 'Thanks, see you next time'], ['tom', 'Bye 👋'],
]

/** Spread `lines` evenly from `from` for `span` ms, each by its demo member. */
function chat(accounts: Accounts, lines: Line[], from: number, span: number) {
	return lines.map(([who, body], i) => ({ userId: accounts[who], body, createdAt: new Date(from + Math.round(((i + 0.5) * span) / lines.length)) }))
}

export async function seedLive(accounts: Accounts): Promise<number> {
	const dir = mkdtempSync(path.join(tmpdir(), 'quanzi-seed-live-'))
	try {
		const products = await prisma.product.findMany({ where: { sku: { in: ['LJ-250', 'CUP-CEL', 'POT-YX'] } }, select: { id: true, sku: true } })
		const sku = (s: string) => products.find((p) => p.sku === s)!.id
		const [tea, cup, pot] = [sku('LJ-250'), sku('CUP-CEL'), sku('POT-YX')]
		const cover = async (scene: Scene, hue: number) => {
			const media = await ingestUploads(await photos(dir, [scene], hue), accounts.merchant)
			if (!media.ok) throw new Error(`demo room cover: ${media.failure.message}`)
			return { create: media.media.map((m) => ({ ...m, uploaderId: accounts.merchant })) }
		}
		const now = Date.now()

		// (a) On air now, hosted by the shop, with the tea pinned.
		const liveFrom = now - 10 * MINUTE
		await prisma.liveRoom.create({
			data: {
				title: 'Spring Longjing, first picking: live from the tasting table',
				description: 'We brew this year’s first picking side by side with last year’s, answer your questions, and open a flash sale on the tea.',
				hostId: accounts.merchant, streamUrl: '/demo/live/index.m3u8', status: 'live',
				startsAt: new Date(liveFrom), startedAt: new Date(liveFrom), likeCount: 236, peakViewers: 18, messageCount: LIVE_CHAT.length,
				products: { create: [tea, cup, pot].map((productId, position) => ({ productId, position, wantCount: productId === tea ? 31 : 0 })) },
				moderators: { create: [{ userId: accounts.leader }] },
				pins: { create: [{ productId: tea, pinnedAt: new Date(now - 4 * MINUTE) }] },
				messages: { create: chat(accounts, LIVE_CHAT, now - 6 * MINUTE, 6 * MINUTE - 10_000) },
				cover: await cover('leaves', 100),
			},
			select: { id: true },
		})

		// (b) Tomorrow at 20:00 UTC, hosted by Aunt Wen, a super-user the shop lets host; two members waiting.
		await setLiveHosts(accounts.merchant, [accounts.leader])
		const tomorrow = new Date(now + 86_400_000)
		tomorrow.setUTCHours(20, 0, 0, 0)
		const upcoming = await prisma.liveRoom.create({
			data: {
				title: 'Gongfu tea for beginners: pots, cups and timing',
				description: 'Aunt Wen shows how she brews with a Yixing pot, step by step. Bring your own cup and brew along.',
				hostId: accounts.leader, streamUrl: '/demo/live/index.m3u8', startsAt: tomorrow,
				products: { create: [pot, cup].map((productId, position) => ({ productId, position })) },
				cover: await cover('pot', 20),
			},
			select: { id: true },
		})
		for (const member of [accounts.mei, accounts.lin]) await setSubscription(upcoming.id, member, true)

		// (c) Ended three days ago: 30 minutes of chat (one spam line removed), two pins, a sold flash sale.
		const from = Math.floor((now - 3 * 86_400_000) / MINUTE) * MINUTE
		const at = (minutes: number) => new Date(from + minutes * MINUTE)
		const replay = await prisma.liveRoom.create({
			data: {
				title: 'Yixing clay and spring tea: a tasting evening',
				description: 'The replay of last week’s tasting: how to season a clay pot, and the Longjing flash sale.',
				hostId: accounts.merchant, streamUrl: '/demo/live/replay.mp4', status: 'ended',
				startsAt: at(0), startedAt: at(0), endedAt: at(30), likeCount: 1480, peakViewers: 64, messageCount: REPLAY_CHAT.length,
				products: { create: [{ productId: tea, position: 0, wantCount: 132 }, { productId: pot, position: 1, wantCount: 57 }, { productId: cup, position: 2, wantCount: 9 }] },
				moderators: { create: [{ userId: accounts.leader }] },
				pins: { create: [{ productId: tea, pinnedAt: at(5), unpinnedAt: at(14) }, { productId: pot, pinnedAt: at(16), unpinnedAt: at(27) }] },
				messages: { create: chat(accounts, REPLAY_CHAT, from, 30 * MINUTE).map((m) => (m.body.includes('example.com') ? { ...m, deletedAt: new Date(m.createdAt.getTime() + 20_000), deletedById: accounts.leader } : m)) },
				wants: {
					create: [
						{ productId: tea, userId: accounts.mei, taps: 24 }, { productId: tea, userId: accounts.lin, taps: 9 }, { productId: tea, userId: accounts.tom, taps: 15 },
						{ productId: pot, userId: accounts.mei, taps: 12 }, { productId: pot, userId: accounts.lin, taps: 6 }, { productId: pot, userId: accounts.tom, taps: 8 },
						{ productId: cup, userId: accounts.lin, taps: 2 },
					],
				},
				cover: await cover('tin', 35),
			},
			select: { id: true },
		})
		// Mei claimed two tins, Lin one; Tom was too late. Each claim is an order intent for the shop.
		const claims = [{ memberId: accounts.mei, quantity: 2, minute: 10 }, { memberId: accounts.lin, quantity: 1, minute: 10.5 }]
		const sale = await prisma.flashSale.create({
			data: {
				roomId: replay.id, productId: tea, priceCents: 12800, stock: 20, remaining: 20 - claims.reduce((n, c) => n + c.quantity, 0), perMember: 2,
				opensAt: at(9), closesAt: at(13), createdById: accounts.merchant, createdAt: at(8),
				tallies: { create: claims.map((c) => ({ memberId: c.memberId, claimed: c.quantity, maxClaim: 2 })) },
				claims: { create: claims.map((c) => ({ memberId: c.memberId, key: `${c.memberId}:demo`, quantity: c.quantity, createdAt: at(c.minute) })) },
			},
			select: { id: true },
		})
		await prisma.orderIntent.createMany({ data: claims.map((c) => ({ memberId: c.memberId, source: 'flash', sourceId: sale.id, quantity: c.quantity, createdAt: at(c.minute) })) })
		return 3
	} finally {
		rmSync(dir, { recursive: true, force: true })
	}
}
