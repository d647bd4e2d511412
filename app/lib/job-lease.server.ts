import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from './db.server.ts'
import { logError, logEvent } from './log.server.ts'
import { remember } from './remember.ts'

/**
 * This process's name as a lease holder: made once, shared by server.ts and the Remix build.
 * The random part keeps a restarted process (same host, maybe the same pid) from renewing the
 * lease of the one before it.
 */
export const leaseHolder = remember('job-lease:holder', () => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`)

/**
 * Takes the lease `name` until `now + ttlMs` when nobody holds it, when its holder let it
 * expire, or when `holder` already holds it (a renewal). True when `holder` holds it now.
 *
 * Each step is one guarded statement, so of several processes asking at once exactly one
 * gets it: the guarded update first, since the row exists on every run after the first, and
 * when it matched nothing, a create, which the primary key lets only one racer make.
 */
export async function takeLease(name: string, holder: string, ttlMs: number, now = new Date()): Promise<boolean> {
	const expiresAt = new Date(now.getTime() + ttlMs)
	const { count } = await prisma.jobLease.updateMany({
		where: { name, OR: [{ expiresAt: { lt: now } }, { holder }] },
		data: { holder, expiresAt },
	})
	if (count === 1) return true
	try {
		await prisma.jobLease.create({ data: { name, holder, expiresAt }, select: { name: true } })
		return true
	} catch (error) {
		// The row exists: another holder has the lease, or made it a moment ago.
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return false
		throw error
	}
}

/** Gives the lease up at once if `holder` has it, so another process may take it on its next try. */
export async function releaseLease(name: string, holder: string): Promise<void> {
	await prisma.jobLease.deleteMany({ where: { name, holder } })
}

/**
 * Runs `work` while holding the lease `name` (taken for `ttlMs`, renewed every half of it while
 * the work runs); false, without running it, when another process holds it. With `release`
 * the lease is given up at the end; without, it runs out by itself (a periodic job keeps its
 * turn for the interval).
 */
export async function withLease(name: string, ttlMs: number, work: () => Promise<void>, options: { release: boolean }): Promise<boolean> {
	const renew = () => takeLease(name, leaseHolder, ttlMs)
	if (!(await renew())) return false
	const keepAlive = setInterval(() => {
		renew().then(
			(held) => held || logEvent(`${name}:lease-lost`, { holder: leaseHolder }),
			(error: unknown) => logError(`${name}:lease-failed`, error),
		)
	}, ttlMs / 2)
	keepAlive.unref()
	try {
		await work()
	} finally {
		clearInterval(keepAlive)
		if (options.release) await releaseLease(name, leaseHolder).catch((error: unknown) => logError(`${name}:release-failed`, error))
	}
	return true
}
