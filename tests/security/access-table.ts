/**
 * Who may use what: every route (each file in app/routes, by loader and by each POST intent of its
 * action), server.ts's own paths, and every Socket.IO event a client may emit. access.test.ts walks
 * this table against the real server; print-table.ts renders it for docs/security.md.
 *
 * Paths, forms and payloads hold placeholders in braces. The walk fills them from the acting
 * member's own world (their post, child, prize…) or, for the IDOR attempt, from another member's of
 * the same role; a placeholder the member has no own value for comes from the shared world.
 * `{own:name}` is always the caller's own: an IDOR attempt that acts on the caller's own group or
 * room while naming another's invite, post, member or message (the ids must belong together).
 */

export const ROLES = ['anonymous', 'customer', 'superuser', 'leader', 'merchant'] as const
export type Role = (typeof ROLES)[number]

/**
 * How a refused attempt ends: 'login' is a redirect to /login?redirectTo=…; a number is the status;
 * 302 a redirect elsewhere (a signed-in member sent on from the login page); 'error' is a socket
 * refusal (an ack or live:error carrying an error key).
 */
export type Refusal = 'login' | 302 | 400 | 401 | 403 | 404 | 405 | 409 | 'error'

/**
 * The attempt with another member's ids (placeholders filled from a member of the same role): how it
 * is refused, or 'ignored' (the ids are not used: the caller's own rows may change, never the other
 * member's). roles defaults to the row's allowed signed-in roles; path/form/payload replace the row's.
 */
export type Idor = { expect: Refusal | 'ignored'; roles?: readonly Role[]; what: string; path?: string; payload?: Record<string, unknown>; join?: string }

type Common = {
	/** The route file (app/routes/…) or the source that handles it. */
	source: string
	allowed: readonly Role[]
	/** How each role outside `allowed` is refused; anonymous defaults to 'login', signed-in roles to 403 (sockets: 'error'). */
	refused?: Partial<Record<Role, Refusal>>
	idor?: Idor
	/** Prisma models whose rows must be the same after a refused attempt. */
	touches: readonly string[]
	note?: string
}
export type HttpRow = Common & {
	kind: 'http'
	method: 'GET' | 'POST'
	intent?: string
	/** Names a form that has no intent field (a multipart upload beside plain forms, two kinds of prize). */
	variant?: string
	path: string
	form?: Record<string, string>
	multipart?: boolean
	/** What an allowed GET answers (200 unless said). */
	ok?: number
	/** Extra request headers (the order webhook's signature). */
	signed?: boolean
}
export type SocketRow = Common & {
	kind: 'socket'
	event: string
	payload: Record<string, unknown>
	/** The live room the socket joins first, so the refusal is about the role and not about not having joined. */
	join?: string
	/** No ack: the event is fire-and-forget, so the walk checks only that nothing changed. */
	noAck?: boolean
	/** Safe to emit as an allowed role (reads, joins): the walk expects a { data } answer. */
	safe?: boolean
}
export type AccessRow = HttpRow | SocketRow

const ANYONE = ROLES
const SIGNED_IN = ['customer', 'superuser', 'leader', 'merchant'] as const
const SUPERUSERS = ['superuser', 'leader', 'merchant'] as const
const MERCHANT = ['merchant'] as const
/** The plain super-user is not on the merchant's list of room hosts; the test's group leader is. */
const ROOM_SCHEDULERS = ['leader', 'merchant'] as const
const NOBODY = [] as const

const get = (source: string, path: string, allowed: readonly Role[], rest: Partial<HttpRow> = {}): HttpRow => ({ kind: 'http', source, method: 'GET', path, allowed, touches: [], ...rest })
const post = (source: string, path: string, intent: string | undefined, allowed: readonly Role[], touches: readonly string[], rest: Partial<HttpRow> = {}): HttpRow => ({
	kind: 'http', source, method: 'POST', path, intent, allowed, touches, ...rest, form: { ...(intent ? { intent } : {}), ...rest.form },
})
/** A console page and its forms: the merchant's alone; anyone else gets 403 (a visitor the login page). */
function console_(source: string, path: string, intents: readonly (string | undefined)[] = [], touches: readonly string[] = [], rest: Partial<HttpRow> = {}): HttpRow[] {
	return [get(source, path, MERCHANT), ...intents.map((intent) => post(source, path, intent, MERCHANT, touches, rest))]
}
const socket = (event: string, allowed: readonly Role[], payload: Record<string, unknown>, touches: readonly string[], rest: Partial<SocketRow> = {}): SocketRow => ({
	kind: 'socket', source: rest.source ?? 'app/realtime/live-handlers.server.ts', event, allowed, payload, touches, ...rest,
})

const POSTS = ['post', 'comment', 'postLike', 'report', 'reviewItem', 'auditLog', 'user', 'pointsEntry']
const GROUPS = ['group', 'groupMember', 'groupInvite', 'post', 'auditLog']
const LIVE = ['liveRoom', 'liveSubscription', 'liveMessage', 'livePin', 'liveRestriction', 'flashSale', 'flashClaim', 'auditLog']
const VOTING = ['candidate', 'vote', 'voteRound', 'orderIntent', 'setting', 'auditLog']
const MODERATION = ['post', 'comment', 'reviewItem', 'watchWord', 'user', 'auditLog']
const SEGMENTS = ['segment', 'memberTag', 'auditLog']
const COUPONS = ['couponTemplate', 'coupon', 'setting', 'auditLog']

export const ACCESS_TABLE: AccessRow[] = [
	// Public pages and links.
	get('$.tsx', '/no/such/page', ANYONE, { ok: 404, note: 'the 404 page for any unclaimed address' }),
	get('_index.tsx', '/', ANYONE),
	get('products._index.tsx', '/products', ANYONE),
	get('products.$id.tsx', '/products/{product}', ANYONE),
	get('members.$id.tsx', '/members/{member}', ANYONE),
	post('members.$id.tsx', '/members/{member}', 'follow', SIGNED_IN, ['follow'], { note: 'following another member is the point of the page' }),
	post('members.$id.tsx', '/members/{member}', 'unfollow', SIGNED_IN, ['follow']),
	get('r.$code.tsx', '/r/{referralCode}', ANYONE, { ok: 302, note: "a member's invite link: to sign-up, remembering who invited" }),
	get('s.$code.tsx', '/s/{shareCode}', ANYONE, { ok: 302, note: "a member's share link: to the thing shared" }),
	get('boxes.$code.tsx', '/boxes/{boxCode}', ANYONE, { note: 'a shared blind box and its fairness check' }),
	get('locale.tsx', '/locale', ANYONE, { ok: 302 }),
	post('locale.tsx', '/locale', undefined, ANYONE, [], { form: { locale: 'en', redirectTo: '/' }, note: 'a visitor gets a cookie, a member their setting' }),

	// Accounts.
	get('login.tsx', '/login', ['anonymous'], { refused: { customer: 302, superuser: 302, leader: 302, merchant: 302 }, note: 'a signed-in member is sent on' }),
	post('login.tsx', '/login', undefined, ANYONE, [], { note: 'checks the password; covered by the login tests' }),
	get('signup.tsx', '/signup', ['anonymous'], { refused: { customer: 302, superuser: 302, leader: 302, merchant: 302 } }),
	post('signup.tsx', '/signup', undefined, ANYONE, [], { note: 'makes a new account; covered by the sign-up tests' }),
	get('logout.tsx', '/logout', ANYONE, { ok: 302, note: 'a GET changes nothing: it goes to /me' }),
	post('logout.tsx', '/logout', undefined, ANYONE, [], { note: 'ends the caller’s own session only' }),
	get('me._index.tsx', '/me', SIGNED_IN),
	post('me._index.tsx', '/me', undefined, SIGNED_IN, ['user'], { form: { displayName: 'Changed by someone else', region: '', locale: '', userId: '{self}', id: '{self}' }, idor: { expect: 'ignored', what: "a member id in the form: the caller's own profile only" } }),
	get('me.password.tsx', '/me/password', SIGNED_IN),
	post('me.password.tsx', '/me/password', undefined, SIGNED_IN, ['user', 'session']),
	get('me.vote-settings.tsx', '/me/vote-settings', ANYONE, { ok: 302, note: 'a GET goes to /me' }),
	post('me.vote-settings.tsx', '/me/vote-settings', undefined, SIGNED_IN, ['user'], { form: { userId: '{self}' }, idor: { expect: 'ignored', what: "a member id in the form: the caller's own switches only" } }),
	get('me.notification-settings.tsx', '/me/notification-settings', SIGNED_IN),
	post('me.notification-settings.tsx', '/me/notification-settings', undefined, SIGNED_IN, ['notificationPreference'], {
		form: { userId: '{self}', memberId: '{self}' },
		idor: { expect: 'ignored', what: "a member id in the form: the caller's own switches only" },
	}),
	get('me.notifications.tsx', '/me/notifications', SIGNED_IN),
	post('me.notifications.tsx', '/me/notifications', undefined, SIGNED_IN, ['notification'], {
		form: { id: '{notification}', notificationId: '{notification}' },
		idor: { expect: 'ignored', what: "another member's notification id: only the caller's own are marked read" },
	}),
	get('me.points.tsx', '/me/points', SIGNED_IN),
	get('me.coupons.tsx', '/me/coupons', SIGNED_IN),
	get('me.membership.tsx', '/me/membership', SIGNED_IN),
	get('me.invite.tsx', '/me/invite', SIGNED_IN),
	get('me.earnings.tsx', '/me/earnings', SUPERUSERS, { note: "a super-user's commission; the merchant may look" }),
	get('me.family.tsx', '/me/family', SIGNED_IN),
	post('me.family.tsx', '/me/family', undefined, SIGNED_IN, ['child'], { note: 'adds a child to the caller’s own family' }),
	post('me.family.tsx', '/me/family', 'delete', SIGNED_IN, ['child'], { form: { childId: '{child}' }, idor: { expect: 404, what: "another member's child" } }),
	get('me.orders.tsx', '/me/orders', SIGNED_IN),
	post('me.orders.tsx', '/me/orders', undefined, SIGNED_IN, ['shopOrder', 'pointsEntry'], {
		form: { code: '{claimCode}' },
		idor: { expect: 400, what: "the claim code of another member's order: refused as taken (orders.claim.taken)" },
	}),
	get('me.prizes.tsx', '/me/prizes', SIGNED_IN),
	post('me.prizes.tsx', '/me/prizes', undefined, SIGNED_IN, ['draw', 'blindBoxOpening'], {
		variant: 'draw',
		form: { source: 'draw', id: '{drawWin}', shipTo: '1 Lake Road, Hangzhou' },
		idor: { expect: 404, what: "another member's prize" },
	}),
	post('me.prizes.tsx', '/me/prizes', undefined, SIGNED_IN, ['draw', 'blindBoxOpening'], {
		variant: 'box',
		form: { source: 'box', id: '{opening}', shipTo: '1 Lake Road, Hangzhou' },
		idor: { expect: 404, what: "another member's blind box" },
	}),

	// Posts.
	get('posts.$id.tsx', '/posts/{publicPost}', ANYONE),
	get('posts.$id.tsx', '/posts/{groupPost}', ['leader', 'merchant'], {
		refused: { anonymous: 404, customer: 404, superuser: 404 },
		idor: { expect: 404, roles: ['leader'], what: "a post in another leader's invite-only group" },
		note: "a post in an invite-only group: its members and the merchant",
	}),
	...['like', 'unlike', 'comment', 'report'].map((intent) => post('posts.$id.tsx', '/posts/{publicPost}', intent, SIGNED_IN, POSTS, { form: { body: 'A comment', reason: 'spam' } })),
	post('posts.$id.tsx', '/posts/{post}', 'delete', SIGNED_IN, POSTS, { idor: { expect: 404, what: "another member's post" } }),
	post('posts.$id.tsx', '/posts/{publicPost}', 'deleteComment', SIGNED_IN, POSTS, { form: { commentId: '{comment}' }, idor: { expect: 404, what: "another member's comment" } }),
	...['feature', 'unfeature', 'reply', 'approve', 'hide', 'delete-staff', 'warn', 'ban', 'unban'].map((intent) =>
		post('posts.$id.tsx', '/posts/{publicPost}', intent, MERCHANT, POSTS, { form: { body: 'Staff reply' } }),
	),
	post('posts.$id.tsx', '/posts/{publicPost}', 'decideComment', MERCHANT, POSTS, { form: { commentId: '{comment}', decision: 'hide' } }),
	get('posts.$id_.edit.tsx', '/posts/{post}/edit', SIGNED_IN, { idor: { expect: 404, what: "another member's post" }, note: 'the author only' }),
	post('posts.$id_.edit.tsx', '/posts/{post}/edit', undefined, SIGNED_IN, POSTS, { form: { kind: 'show', body: 'Rewritten by someone else' }, idor: { expect: 404, what: "another member's post" } }),
	get('posts.new.tsx', '/posts/new', SIGNED_IN),
	get('posts.new.tsx', '/posts/new?group={group}', ['leader'], { idor: { expect: 403, what: 'a group the leader does not belong to' }, note: "members of the group (the merchant posts shop-wide, not into a group it has not joined)" }),
	post('posts.new.tsx', '/posts/new', undefined, SIGNED_IN, POSTS, {
		multipart: true, form: { kind: 'show', body: 'Posted into a group I am not in', groupId: '{group}' },
		idor: { expect: 400, roles: ['leader'], what: "posting into another leader's group: refused on the form (post.error.groupMember)" },
	}),

	// Groups.
	get('groups._index.tsx', '/groups', ANYONE),
	get('groups.leaders.tsx', '/groups/leaders', ANYONE),
	get('groups.$id.tsx', '/groups/{group}', ANYONE, { note: "an invite-only group shows its name, never its posts, to outsiders" }),
	post('groups.$id.tsx', '/groups/{group}', 'request', SIGNED_IN, GROUPS),
	post('groups.$id.tsx', '/groups/{group}', 'leave', SIGNED_IN, GROUPS),
	get('groups.new.tsx', '/groups/new', SUPERUSERS),
	post('groups.new.tsx', '/groups/new', undefined, SUPERUSERS, GROUPS, { multipart: true, form: { name: 'Not allowed', description: 'x', visibility: 'public', memberCap: '10' } }),
	get('groups.$id_.manage.tsx', '/groups/{group}/manage', ['leader', 'merchant'], { idor: { expect: 403, roles: ['leader'], what: "another leader's group" }, note: 'its leader, helpers and the merchant' }),
	post('groups.$id_.manage.tsx', '/groups/{group}/manage', undefined, ['leader', 'merchant'], GROUPS, {
		variant: 'settings', multipart: true, form: { name: 'Taken over', description: 'x', visibility: 'public', memberCap: '10' },
		idor: { expect: 403, roles: ['leader'], what: "another leader's group settings" },
	}),
	...(
		[
			['approve', { userId: '{member}' }], ['decline', { userId: '{member}' }], ['invite', {}], ['revoke', { inviteId: '{invite}' }], ['announce', { announcement: 'Hijacked' }],
			['helper', { userId: '{groupMember}' }], ['unhelper', { userId: '{groupMember}' }], ['remove', { userId: '{groupMember}' }], ['decide', { postId: '{groupPost}', decision: 'hide' }],
		] as const
	).map(([intent, form]) =>
		post('groups.$id_.manage.tsx', '/groups/{group}/manage', intent, ['leader', 'merchant'], GROUPS, { form, idor: { expect: 403, roles: ['leader'], what: "another leader's group" } }),
	),
	// The leader's own group in the path, another group's invite, member or post in the form.
	...(
		[
			['revoke', { inviteId: '{invite}' }, 404], ['decide', { postId: '{groupPost}', decision: 'hide' }, 404], ['remove', { userId: '{groupMember}' }, 404],
			['helper', { userId: '{groupMember}' }, 404], ['approve', { userId: '{groupMember}' }, 404],
		] as const
	).map(([intent, form, expect]) =>
		post('groups.$id_.manage.tsx', '/groups/{group}/manage', intent, ['leader', 'merchant'], GROUPS, {
			variant: `${intent}, another group's id`, form,
			idor: { expect, roles: ['leader'], path: '/groups/{own:group}/manage', what: `the leader's own group, with another group's ${Object.keys(form)[0]}` },
		}),
	),
	get('g.$token.tsx', '/g/{inviteToken}', ANYONE, { note: 'whoever holds the invite link' }),
	post('g.$token.tsx', '/g/{inviteToken}', undefined, SIGNED_IN, GROUPS, { note: 'joining by the link is what the link is for' }),

	// Group deals.
	get('deals._index.tsx', '/deals', ANYONE),
	get('deals.$id.tsx', '/deals/{deal}', ANYONE),
	get('deals.$id.tsx', '/deals/{groupDeal}', ['leader', 'merchant'], {
		refused: { anonymous: 404, customer: 404, superuser: 404 },
		idor: { expect: 404, roles: ['leader'], what: "a deal in another leader's invite-only group" },
		note: "a deal in an invite-only group: its members and the merchant",
	}),
	post('deals.$id.tsx', '/deals/{groupDeal}', 'join', SIGNED_IN, ['groupDeal', 'groupDealJoin'], { idor: { expect: 403, roles: ['customer', 'superuser', 'leader'], what: 'a deal in a group the member is not in' } }),
	post('deals.$id.tsx', '/deals/{deal}', 'leave', SIGNED_IN, ['groupDeal', 'groupDealJoin'], { note: 'the caller’s own place only' }),
	get('deals.new.tsx', '/deals/new', MERCHANT, { note: 'a shop-wide deal' }),
	get('deals.new.tsx', '/deals/new?group={group}', ['leader', 'merchant'], { idor: { expect: 403, roles: ['leader'], what: "another leader's group" } }),
	post('deals.new.tsx', '/deals/new?group={group}', undefined, ['leader', 'merchant'], ['groupDeal', 'auditLog'], {
		form: { productId: '{product}', price: '10', target: '2', cap: '5', deadline: '2099-01-01T10:00' },
		idor: { expect: 403, roles: ['leader'], what: "another leader's group" },
	}),

	// Draws and member days.
	get('draws._index.tsx', '/draws', ANYONE),
	get('draws.$id.tsx', '/draws/{campaign}', ANYONE),
	get('draws.$id.tsx', '/draws/{dayCampaign}', SIGNED_IN, {
		refused: { anonymous: 404 },
		idor: { expect: 404, roles: ['customer', 'superuser', 'leader'], what: 'the draw of a member day for another segment' },
		note: "a member day's draw exists only for the day's audience",
	}),
	post('draws.$id.tsx', '/draws/{dayCampaign}', undefined, SIGNED_IN, ['draw', 'prize', 'pointsEntry'], { idor: { expect: 404, roles: ['customer', 'superuser', 'leader'], what: "a draw of a member day for others" } }),
	get('draws.$id_.verify.tsx', '/draws/{campaign}/verify?draw={drawWin}', ANYONE, { note: 'anyone may re-compute a draw once the campaign closed' }),
	get('days._index.tsx', '/days', SIGNED_IN),
	get('days.$id.tsx', '/days/{day}', SIGNED_IN, { idor: { expect: 404, roles: ['customer', 'superuser', 'leader'], what: 'a member day for another segment' }, note: "the day's audience and the merchant" }),
	post('days.$id.tsx', '/days/{day}', undefined, SIGNED_IN, ['blindBoxOpening', 'blindBoxItem', 'pointsEntry'], { form: { poolId: '{dayPool}' }, idor: { expect: 404, roles: ['customer', 'superuser', 'leader'], what: 'a member day for another segment' } }),

	// Voting board.
	get('vote._index.tsx', '/vote', ANYONE),
	get('vote.similar.tsx', '/vote/similar?q=tea', ANYONE),
	get('vote.$id.tsx', '/vote/{candidate}', ANYONE),
	get('vote.$id.tsx', '/vote/{pendingCandidate}', SIGNED_IN, { refused: { anonymous: 404 }, idor: { expect: 404, roles: ['customer', 'superuser', 'leader'], what: "another member's suggestion still waiting for review" }, note: 'its author and the merchant' }),
	...['vote', 'withdraw', 'reserve', 'cancelReservation'].map((intent) =>
		post('vote.$id.tsx', '/vote/{pendingCandidate}', intent, SIGNED_IN, VOTING, { form: { variant: 'Blue', quantity: '1' }, idor: intent === 'cancelReservation'
			? { expect: 'ignored', what: "the caller's own reservations only" }
			: { expect: 404, roles: ['customer', 'superuser', 'leader'], what: "another member's suggestion still waiting for review" } }),
	),
	get('vote.suggest.tsx', '/vote/suggest', SIGNED_IN),
	post('vote.suggest.tsx', '/vote/suggest', undefined, SIGNED_IN, VOTING),

	// Live rooms.
	get('live._index.tsx', '/live', ANYONE),
	post('live._index.tsx', '/live', 'subscribe', SIGNED_IN, LIVE, { form: { roomId: '{room}' } }),
	get('live.$id.tsx', '/live/{room}', ANYONE),
	get('live.$id.tsx', '/live/{segmentRoom}', SIGNED_IN, {
		refused: { anonymous: 404 },
		idor: { expect: 404, roles: ['customer', 'superuser', 'leader'], what: 'a room for another segment' },
		note: "a room aimed at a segment: its members, host, moderators and the merchant",
	}),
	post('live.$id.tsx', '/live/{segmentRoom}', 'subscribe', SIGNED_IN, LIVE, { idor: { expect: 404, roles: ['customer', 'superuser', 'leader'], what: 'a room for another segment' } }),
	post('live.$id.tsx', '/live/{room}', 'subscribe', SIGNED_IN, LIVE),
	post('live.$id.tsx', '/live/{room}', 'unsubscribe', SIGNED_IN, LIVE),
	post('live.$id.tsx', '/live/{groupRoom}', 'golive', ['leader', 'merchant'], LIVE, { refused: { customer: 403, superuser: 403 }, idor: { expect: 403, roles: ['leader'], what: "another leader's group room" }, note: 'its host, moderators and the merchant' }),
	post('live.$id.tsx', '/live/{groupRoom}', 'end', ['leader', 'merchant'], LIVE, { idor: { expect: 403, roles: ['leader'], what: "another leader's group room" } }),
	get('console.live.tsx', '/console/live', ROOM_SCHEDULERS, { note: 'the merchant, and super-users on the merchant’s host list' }),
	post('console.live.tsx', '/console/live', undefined, ROOM_SCHEDULERS, LIVE, { variant: 'room', multipart: true, form: { title: 'Not mine to make' } }),
	post('console.live.tsx', '/console/live', undefined, MERCHANT, ['setting', 'auditLog'], { variant: 'hosts', form: { hostIds: '{self}' } }),
	get('console.live_.$id.tsx', '/console/live/{hostRoom}', ROOM_SCHEDULERS, { idor: { expect: 404, roles: ['leader'], what: "another host's room" } }),
	post('console.live_.$id.tsx', '/console/live/{hostRoom}', undefined, ROOM_SCHEDULERS, LIVE, { multipart: true, form: { title: 'Taken over' }, idor: { expect: 403, roles: ['leader'], what: "another host's room" } }),

	// The merchant's console.
	...console_('console._index.tsx', '/console'),
	...console_('console.analytics.tsx', '/console/analytics', [undefined], ['setting'], { form: { yuanPer100: '5' } }),
	get('console.analytics_.$chart[.]csv.ts', '/console/analytics/acquisition.csv', MERCHANT),
	...console_('console.audit.tsx', '/console/audit'),
	...console_('console.commission.tsx', '/console/commission', ['payout', 'settings'], ['commissionEntry', 'setting', 'auditLog'], { form: { superUserId: '{self}', amount: '1', note: 'x' } }),
	...console_('console.coupons.tsx', '/console/coupons', ['template', 'auto', 'issueMember', 'issueSegment'], COUPONS),
	...console_('console.days.tsx', '/console/days', ['day', 'pool', 'linkCampaign', 'linkSale'], ['memberDay', 'blindBoxPool', 'blindBoxItem', 'campaign', 'flashSale']),
	...console_('console.draws.tsx', '/console/draws', [undefined], ['campaign', 'prize'], { form: { title: 'Mine', costPoints: '0', perMemberLimit: '1' } }),
	...console_('console.moderation.tsx', '/console/moderation', ['bulk:hide', 'item:x:hide', 'warn:x', 'ban:x', 'unban:x', 'word:add', 'word:remove'], MODERATION),
	...console_('console.notifications.tsx', '/console/notifications', [undefined], ['setting'], { form: { weeklyCap: '1' } }),
	...console_('console.orders.tsx', '/console/orders', ['rotate', 'import'], ['setting', 'shopOrder', 'orderImport', 'auditLog']),
	post('console.orders.tsx', '/console/orders', undefined, MERCHANT, ['setting', 'shopOrder', 'orderImport'], { variant: 'upload', multipart: true, form: { file: 'id,total' } }),
	get('console.orders_.example[.]csv.ts', '/console/orders/example.csv', MERCHANT),
	...console_('console.points.tsx', '/console/points', ['rule', 'validity', 'review'], ['pointsRule', 'setting', 'attribution'], { form: { trigger: 'post.created', points: '999', months: '1' } }),
	...console_('console.prizes.tsx', '/console/prizes', [undefined], ['draw', 'blindBoxOpening'], { form: { source: 'draw', id: '{drawWin}' } }),
	...console_('console.products.tsx', '/console/products', [undefined], ['product', 'auditLog'], { form: { name: 'Fake', sku: 'FAKE-1', price: '1' } }),
	...console_('console.products_.$id.tsx', '/console/products/{product}', [undefined], ['product', 'auditLog'], { form: { name: 'Renamed' } }),
	...console_('console.segments.tsx', '/console/segments', ['delete', 'preview', 'save'], SEGMENTS, { form: { id: '{segment}', name: 'Mine' } }),
	...console_('console.segments_.tags.tsx', '/console/segments/tags', [undefined, 'remove'], SEGMENTS, { form: { email: 'x@quanzi.test', tag: 'vip', userId: '{self}' } }),
	...console_('console.superusers.tsx', '/console/superusers', ['promote', 'promoteEmail', 'profile', 'demote'], ['user', 'auditLog'], { form: { memberId: '{self}', email: 'x@quanzi.test', profileLine: 'x' } }),
	...console_('console.tiers.tsx', '/console/tiers', ['ladder', 'suggested'], ['tier', 'memberTier', 'auditLog']),
	...console_('console.voting.tsx', '/console/voting', ['round', 'closeRound', 'approve', 'reject', 'stage', 'merge', 'hours'], VOTING, { form: { id: '{pendingCandidate}', to: 'declined', hours: '1' } }),
	post('console.voting.tsx', '/console/voting', undefined, MERCHANT, VOTING, { variant: 'candidate', multipart: true, form: { title: 'Mine' } }),
	...console_('console.voting_.$id.tsx', '/console/voting/{candidate}', ['stage', 'merge'], VOTING, { form: { to: 'declined', reason: 'no' } }),
	post('console.voting_.$id.tsx', '/console/voting/{candidate}', undefined, MERCHANT, VOTING, { variant: 'candidate', multipart: true, form: { title: 'Renamed' } }),

	// server.ts's own paths.
	get('server.ts', '/healthz', ANYONE),
	get('server.ts', '/assets/{asset}', ANYONE, { note: 'built scripts and styles' }),
	get('server.ts', '/media/{groupMedia}/w320.webp', ['leader', 'merchant'], {
		refused: { anonymous: 404, customer: 404, superuser: 404 },
		idor: { expect: 404, roles: ['leader'], what: "a photo in another leader's invite-only group" },
		note: 'whoever may see the post it belongs to (here a post in an invite-only group)',
	}),
	get('api.orders.ts', '/api/orders', NOBODY, { refused: { anonymous: 405, customer: 405, superuser: 405, leader: 405, merchant: 405 }, note: 'no page: POST only (a GET is told so, 405 with Allow: POST)' }),
	post('api.orders.ts', '/api/orders', undefined, NOBODY, ['shopOrder', 'webhookDelivery'], {
		signed: true,
		refused: { anonymous: 401, customer: 401, superuser: 401, leader: 401, merchant: 401 },
		note: 'the shop only, by its HMAC signature; no cookie makes it valid (the walk signs one delivery to show it is open to the shop)',
	}),

	// Socket.IO events (client to server).
	socket('whoami', ANYONE, {}, [], { source: 'app/realtime/socket-server.server.ts', safe: true }),
	socket('room:join', ANYONE, { room: 'public:vote' }, [], {
		source: 'app/realtime/socket-server.server.ts', safe: true, note: 'public:* rooms only',
		idor: { expect: 'error', what: "another member's private channel (user:<id>)", payload: { room: 'user:{self}' } },
	}),
	socket('room:leave', ANYONE, { room: 'public:vote' }, [], { source: 'app/realtime/socket-server.server.ts', safe: true }),
	socket('day:join', SIGNED_IN, { dayId: '{day}' }, [], { source: 'app/realtime/day-handlers.server.ts', safe: true, idor: { expect: 'error', roles: ['customer', 'superuser', 'leader'], what: 'the ticker of a member day for another segment' } }),
	socket('day:leave', ANYONE, { dayId: '{day}' }, [], { source: 'app/realtime/day-handlers.server.ts', noAck: true }),
	socket('live:join', ANYONE, { roomId: '{room}' }, [], { safe: true, idor: { expect: 'error', roles: ['leader'], what: "another leader's group room (members only)", payload: { roomId: '{groupRoom}' } } }),
	socket('live:join', SIGNED_IN, { roomId: '{segmentRoom}' }, [], { safe: true, idor: { expect: 'error', roles: ['customer', 'superuser', 'leader'], what: 'a room for another segment' } }),
	socket('live:leave', ANYONE, { roomId: '{room}' }, [], { safe: true }),
	socket('live:beat', ANYONE, { roomId: '{room}' }, [], { join: '{room}', noAck: true }),
	socket('like:burst', ANYONE, { roomId: '{room}', count: 1 }, [], { join: '{room}', safe: true }),
	socket('chat:send', SIGNED_IN, { roomId: '{room}', body: 'hello' }, ['liveMessage'], { join: '{room}' }),
	socket('chat:delete', MERCHANT, { roomId: '{room}', messageId: '{liveMessage}' }, ['liveMessage'], {
		join: '{room}', note: "the room's host, its moderators and the merchant",
		idor: { expect: 'error', roles: ['leader'], join: '{own:groupRoom}', payload: { roomId: '{own:groupRoom}', messageId: '{liveMessage}' }, what: "the host of one room deleting a message of another room" },
	}),
	socket('pin:set', MERCHANT, { roomId: '{room}', productId: '{product}', pinned: true }, ['livePin'], { join: '{room}', note: "the room's host, its moderators and the merchant" }),
	socket('sale:start', MERCHANT, { roomId: '{room}', productId: '{product}', priceCents: 100, stock: 5, perMember: 1, countdownSeconds: 0, durationMinutes: 5 }, ['flashSale'], { join: '{room}', note: "the room's host, its moderators and the merchant" }),
	socket('sale:stop', MERCHANT, { roomId: '{room}', saleId: '{sale}' }, ['flashSale'], {
		join: '{room}', note: "the room's host, its moderators and the merchant",
		idor: { expect: 'error', roles: ['leader'], join: '{own:groupRoom}', payload: { roomId: '{own:groupRoom}', saleId: '{sale}' }, what: "the host of one room stopping another room's sale" },
	}),
	socket('sale:claim', SIGNED_IN, { roomId: '{room}', saleId: '{sale}', quantity: 1, key: 'claim-key-1234' }, ['flashClaim', 'flashSale', 'orderIntent'], { join: '{room}' }),
	socket('mod:mute', MERCHANT, { roomId: '{room}', userId: '{member}', minutes: 5 }, ['liveRestriction'], { join: '{room}', note: "the room's host, its moderators and the merchant" }),
	socket('mod:ban', MERCHANT, { roomId: '{room}', userId: '{member}' }, ['liveRestriction'], { join: '{room}', note: "the room's host, its moderators and the merchant" }),
	socket('room:settings', MERCHANT, { roomId: '{room}', slowModeSeconds: 30 }, ['liveRoom'], { join: '{room}', note: "the room's host, its moderators and the merchant" }),
]

/** How a role outside `allowed` is refused on this row. */
export function refusalFor(row: AccessRow, role: Role): Refusal {
	const said = row.refused?.[role]
	if (said !== undefined) return said
	if (row.kind === 'socket') return 'error'
	return role === 'anonymous' ? 'login' : 403
}

/** A short name for the row: the method and path (with the intent), or the socket event. */
export function rowName(row: AccessRow): string {
	if (row.kind === 'socket') return `socket ${row.event}`
	const form = row.variant?.startsWith(row.intent ?? '\0') ? row.variant : [row.intent, row.variant].filter(Boolean).join(': ')
	return `${row.method} ${row.path}${form ? ` [${form}]` : ''}`
}
