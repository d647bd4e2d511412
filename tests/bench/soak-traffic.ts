// bench:soak's visitors, from the benchmark's own process: HTTP loops (browsing pages, posting
// with photos, voting and taking the vote back, drawing) and Socket.IO viewers in a live room
// (chat, like taps, heartbeats, visitors coming and going). Every loop checks the clock before
// each step and stops at `until`; each answer is checked (status, ack) and tallied by kind.
import sharp from 'sharp'
import { io as connect, type Socket } from 'socket.io-client'
import { BEAT_MS } from '#app/domain/live/views.ts'
import type { ClientToServerEvents, ServerToClientEvents } from '#app/realtime/events.ts'
import type { SoakSeed } from './seed-soak.ts'

export type Tally = { count: number; errors: number; latencies: number[] }
export type Traffic = { tallies: Map<string, Tally>; failures: string[]; deliveries: number }
export type Plan = SoakSeed & { url: string; roomId: string; cookies: string[]; until: number }

/** Who does what (members by index into the seeded cookies; 40 are seeded). */
const BROWSERS = 4 // half signed in
const THINK_MS = 250
const POST_EVERY_MS = 6000
const PHOTOS_PER_POST = 2
const VOTERS = 2
const VOTE_EVERY_MS = 1000
const DRAWERS = 2
const DRAW_EVERY_MS = 1500
const VIEWERS = 20 // members 0–19; 0–4 chat, 5–9 tap likes
const CHAT_EVERY_MS = 4000
const TAP_EVERY_MS = 1000
/** A visitor opening the room page for a few seconds, then leaving, over and over. */
const COMING_AND_GOING_MS = 3000
export const MEMBERS_NEEDED = 40

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))
/** Failures kept word for word (the rest are counted). */
const MAX_FAILURES = 20

export function startTraffic(plan: Plan): { traffic: Traffic; done: Promise<void> } {
	const traffic: Traffic = { tallies: new Map(), failures: [], deliveries: 0 }
	const record = (kind: string, ms: number, failure?: string) => {
		const tally = traffic.tallies.get(kind) ?? { count: 0, errors: 0, latencies: [] }
		traffic.tallies.set(kind, tally)
		tally.count++
		tally.latencies.push(ms)
		if (failure === undefined) return
		tally.errors++
		if (traffic.failures.length < MAX_FAILURES) traffic.failures.push(`${kind}: ${failure}`)
	}
	const running = () => Date.now() < plan.until
	const headers = (member: number | null) => ({ Origin: plan.url, 'Accept-Language': 'en', ...(member === null ? {} : { Cookie: plan.cookies[member]! }) })

	/** One request, timed to its last byte; `expect` is the status that means it worked. */
	async function request(kind: string, path: string, init: RequestInit & { member?: number | null }, expect: number): Promise<string> {
		const started = performance.now()
		try {
			const response = await fetch(plan.url + path, { ...init, redirect: 'manual', headers: { ...headers(init.member ?? null), ...init.headers } })
			const body = await response.text()
			record(kind, performance.now() - started, response.status === expect ? undefined : `${init.method ?? 'GET'} ${path} answered ${response.status}, not ${expect}`)
			return body
		} catch (error) {
			record(kind, performance.now() - started, `${path}: ${(error as Error).message}`)
			return ''
		}
	}

	const pages: [string, string][] = [
		['browse: home /', '/'],
		['browse: feed, photos tab /?tab=media', '/?tab=media'],
		['browse: a post', `/posts/${plan.postIds[0]}`],
		['browse: product page', `/products/${plan.productId}`],
		['browse: voting board /vote', '/vote'],
		['browse: an idea on the board', `/vote/${plan.candidateIds[0]}`],
		['browse: live room page', `/live/${plan.roomId}`],
		['browse: draw page', `/draws/${plan.campaignId}`],
	]
	async function browse(n: number) {
		const member = n % 2 ? 35 + n : null
		for (let step = n; running(); step++) {
			const [kind, path] = pages[step % pages.length]!
			const html = await request(kind, path, { member }, 200)
			// A page's first photo, as the browser fetches it next.
			const photo = /\/media\/[A-Za-z0-9_-]+\/w320\.webp/.exec(html)?.[0]
			if (photo && running()) await request('browse: its first photo, w320.webp', photo, { member }, 200)
			await sleep(THINK_MS)
		}
	}

	async function post(photos: Buffer[]) {
		for (let n = 0; running(); n++) {
			const next = Date.now() + POST_EVERY_MS
			const form = new FormData()
			form.append('kind', 'show')
			form.append('body', `Soak post ${n}: it came well packed and the tea smells of roasted rice. Would order again.`)
			for (let p = 0; p < PHOTOS_PER_POST; p++) form.append('photos', new Blob([new Uint8Array(photos[(n + p) % photos.length]!)], { type: 'image/jpeg' }), `soak-${n}-${p}.jpg`)
			await request('post: with 2 photos', '/posts/new', { method: 'POST', body: form, member: 20 + (n % 5) }, 302)
			await sleep(next - Date.now())
		}
	}

	async function vote(n: number) {
		const member = 25 + n
		for (let step = 0; running(); step++) {
			const next = Date.now() + VOTE_EVERY_MS
			const candidate = plan.candidateIds[(n * 7 + Math.floor(step / 2)) % plan.candidateIds.length]!
			const intent = step % 2 ? 'withdraw' : 'vote'
			await request(`vote: ${intent === 'vote' ? 'cast' : 'withdraw'}`, `/vote/${candidate}`, { method: 'POST', body: new URLSearchParams({ intent }), member }, 200)
			await sleep(next - Date.now())
		}
	}

	async function draw(n: number) {
		for (let step = 0; running(); step++) {
			const next = Date.now() + DRAW_EVERY_MS
			await request('draw: one draw', `/draws/${plan.campaignId}`, { method: 'POST', body: new URLSearchParams({}), member: 30 + ((n + step * DRAWERS) % 5) }, 200)
			await sleep(next - Date.now())
		}
	}

	/** Connects and joins as the room page does; resolves with the socket, or null after recording why not. */
	async function join(kind: string, member: number | null): Promise<ClientSocket | null> {
		const started = performance.now()
		const socket: ClientSocket = connect(plan.url, { transports: ['websocket'], extraHeaders: headers(member), reconnection: false, forceNew: true, timeout: 10_000 })
		try {
			await new Promise<void>((resolve, reject) => (socket.once('connect', resolve), socket.once('connect_error', reject)))
			const reply = await socket.timeout(10_000).emitWithAck('live:join', { roomId: plan.roomId })
			if ('error' in reply) throw new Error(reply.error)
			record(kind, performance.now() - started)
			return socket
		} catch (error) {
			record(kind, performance.now() - started, (error as Error).message)
			socket.close()
			return null
		}
	}

	/** A viewer for the whole soak: beats, and chats or taps if its index says so. */
	async function view(member: number) {
		const socket = await join('live: viewer connects and joins (all at the start)', member)
		if (!socket) return
		socket.on('chat:message', () => traffic.deliveries++)
		socket.on('disconnect', (reason) => running() && record('live: viewer stays connected', 0, `viewer ${member} disconnected: ${reason}`))
		const beat = setInterval(() => socket.emit('live:beat', { roomId: plan.roomId }), BEAT_MS)
		const chats = member < 5
		const taps = member >= 5 && member < 10
		await sleep(Math.random() * (chats ? CHAT_EVERY_MS : TAP_EVERY_MS))
		for (let n = 0; running() && (chats || taps); n++) {
			const next = Date.now() + (chats ? CHAT_EVERY_MS : TAP_EVERY_MS)
			const started = performance.now()
			try {
				const reply = chats
					? await socket.timeout(10_000).emitWithAck('chat:send', { roomId: plan.roomId, body: `soak ${member}-${n}: how long does shipping take?` })
					: await socket.timeout(10_000).emitWithAck('like:burst', { roomId: plan.roomId, count: 1 + (n % 5) })
				record(chats ? 'live: chat:send' : 'live: like:burst', performance.now() - started, 'error' in reply ? String(reply.error) : undefined)
			} catch (error) {
				record(chats ? 'live: chat:send' : 'live: like:burst', performance.now() - started, (error as Error).message)
			}
			await sleep(next - Date.now())
		}
		await sleep(plan.until - Date.now())
		clearInterval(beat)
		socket.close()
	}

	async function comeAndGo() {
		for (let n = 0; running(); n++) {
			// Every third visitor is signed out.
			const socket = await join('live: visitor connects and joins, leaves 3 s later', n % 3 === 2 ? null : n % MEMBERS_NEEDED)
			await sleep(COMING_AND_GOING_MS)
			socket?.close()
			await sleep(500)
		}
	}

	const done = (async () => {
		const photos = await Promise.all(Array.from({ length: 6 }, (_, i) => soakPhoto(i)))
		await Promise.all([
			...Array.from({ length: BROWSERS }, (_, n) => browse(n)),
			post(photos),
			...Array.from({ length: VOTERS }, (_, n) => vote(n)),
			...Array.from({ length: DRAWERS }, (_, n) => draw(n)),
			...Array.from({ length: VIEWERS }, (_, n) => view(n)),
			comeAndGo(),
		])
	})()
	return { traffic, done }
}

/** A small phone-like photo: 800×600, a colour field with a shape and some noise (so it is not trivially compressible). */
async function soakPhoto(i: number): Promise<Buffer> {
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect width="800" height="600" fill="hsl(${i * 60} 50% 70%)"/><circle cx="400" cy="300" r="${120 + i * 20}" fill="hsl(${(i * 60 + 180) % 360} 40% 40%)"/></svg>`
	const noise = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 128, g: 128, b: 128 }, noise: { type: 'gaussian', mean: 0, sigma: 12 } } }).png().toBuffer()
	return sharp(Buffer.from(svg)).composite([{ input: noise, blend: 'overlay' }]).jpeg({ quality: 82 }).toBuffer()
}
