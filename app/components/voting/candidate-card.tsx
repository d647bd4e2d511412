import { Link } from '@remix-run/react'
import type { CandidateCard as Card } from '#app/domain/voting/views.ts'
import { usePrice } from '#app/lib/i18n/format.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import { MediaImage } from '../posts/media-gallery.tsx'

type Props = { candidate: Pick<Card, 'id' | 'title' | 'stage' | 'targetPriceCents' | 'media' | 'count' | 'myVote'> }

/** An idea on the board: its picture, stage, price and live count. */
export function CandidateCard({ candidate: c }: Props) {
	const t = useT()
	const price = usePrice()
	const cover = c.media[0]
	return (
		<Link to={`/vote/${c.id}`} className="card candidate-card" data-candidate={c.id}>
			{cover ? <MediaImage media={cover} alt="" sizes="(min-width: 840px) 300px, 50vw" /> : <span className="product-noimage" aria-hidden="true">{c.title.slice(0, 1)}</span>}
			<span className={`tag stage-${c.stage}`}>{t(`vote.stage.${c.stage}`)}</span>
			<strong>{c.title}</strong>
			{c.targetPriceCents ? <span className="muted">{t('vote.targetPrice', { price: price(c.targetPriceCents) })}</span> : null}
			<VoteCount count={c.count} />
			{c.myVote ? <span className="tag tag-ok">{t('vote.voted')}</span> : null}
		</Link>
	)
}

export function VoteCount({ count }: { count: { votes: number; newVotes: number } }) {
	const t = useT()
	return (
		<span className="vote-count">
			<strong className="vote-figure" data-testid="vote-count">{count.votes === 1 ? t('vote.voteOne') : t('vote.votes', { count: count.votes })}</strong>
			{count.newVotes ? <span className="muted vote-new">{t('vote.newVotes', { count: count.newVotes })}</span> : null}
		</span>
	)
}
