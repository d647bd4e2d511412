import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useState } from 'react'
import { EmptyState } from '#app/components/empty-state.tsx'
import { Icon } from '#app/components/icons.tsx'
import { CandidateCard } from '#app/components/voting/candidate-card.tsx'
import { listBoard, listPendingOf } from '#app/domain/voting/candidates.server.ts'
import { listRounds, usedVotes } from '#app/domain/voting/rounds.server.ts'
import type { VoteCount } from '#app/domain/voting/views.ts'
import { useDateFormat } from '#app/lib/i18n/format.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import { usePublicRoom } from '#app/realtime/use-socket.ts'
import { VOTE_ROOM } from '#app/realtime/events.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'vote.title')

export async function loader({ context }: LoaderFunctionArgs) {
	const viewer = context.user
	const [rounds, board, pending] = await Promise.all([listRounds({ openOnly: true }), listBoard(viewer), viewer ? listPendingOf(viewer.id) : []])
	const budgets = viewer
		? Object.fromEntries(await Promise.all(rounds.filter((r) => r.maxVotes).map(async (r) => [r.id, await usedVotes(r.id, viewer.id)] as const)))
		: {}
	const openIds = new Set(rounds.map((r) => r.id))
	return {
		rounds: rounds.map((r) => ({ ...r, used: budgets[r.id] ?? 0, candidates: board.filter((c) => c.round?.id === r.id) })),
		others: board.filter((c) => !c.round || !openIds.has(c.round.id)),
		pending,
		signedIn: Boolean(viewer),
	}
}

export default function VoteBoard() {
	const t = useT()
	const { rounds, others, pending, signedIn } = useLoaderData<typeof loader>()
	const ends = useDateFormat({ dateStyle: 'medium', timeStyle: 'short' })
	// Counts arrive live from everyone's votes; the page's own numbers are the starting point.
	const [live, setLive] = useState<Record<string, VoteCount>>({})
	usePublicRoom(VOTE_ROOM, 'vote:count', (count) => setLive((old) => ({ ...old, [count.candidateId]: { votes: count.votes, newVotes: count.newVotes } })))
	const withLive = <C extends { id: string; count: VoteCount }>(c: C): C => ({ ...c, count: live[c.id] ?? c.count })
	return (
		<>
			<section aria-labelledby="page-title">
				<div className="page-head">
					<h1 id="page-title">{t('vote.title')}</h1>
					<Link to="/vote/suggest" className="button button-primary">
						<Icon name="pen" width={18} height={18} /> {t('vote.suggest')}
					</Link>
				</div>
				<p className="muted">{t('vote.intro')}</p>
			</section>
			{rounds.map((round) => (
				<section key={round.id} aria-labelledby={`round-${round.id}`} className="round">
					<h2 id={`round-${round.id}`}>{round.title}</h2>
					{round.description ? <p>{round.description}</p> : null}
					<p className="muted">
						{t('vote.roundEnds', { date: ends.format(new Date(round.endsAt)) })}
						{round.maxVotes && signedIn ? ` · ${t('vote.budget', { left: Math.max(0, round.maxVotes - round.used), max: round.maxVotes })}` : ''}
					</p>
					<ul className="product-grid">
						{round.candidates.map((c) => (
							<li key={c.id}><CandidateCard candidate={withLive(c)} /></li>
						))}
					</ul>
				</section>
			))}
			{others.length ? (
				<section aria-labelledby="others-title">
					<h2 id="others-title">{t('vote.other')}</h2>
					<ul className="product-grid">
						{others.map((c) => (
							<li key={c.id}><CandidateCard candidate={withLive(c)} /></li>
						))}
					</ul>
				</section>
			) : null}
			{rounds.length === 0 && others.length === 0 ? <EmptyState icon="vote">{t('vote.empty')}</EmptyState> : null}
			{pending.length ? (
				<section aria-labelledby="pending-title">
					<h2 id="pending-title">{t('vote.mySuggestions')}</h2>
					<ul className="card-list">
						{pending.map((c) => (
							<li key={c.id} className="card"><Link to={`/vote/${c.id}`}>{c.title}</Link></li>
						))}
					</ul>
				</section>
			) : null}
		</>
	)
}
