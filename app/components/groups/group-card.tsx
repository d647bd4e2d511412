import { Link } from '@remix-run/react'
import type { GroupCard as Card } from '#app/domain/groups/groups.server.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import { MediaImage } from '../posts/media-gallery.tsx'

/** A group in a list: cover, name, leader, size and whether it is open to read. */
export function GroupCard({ group }: { group: Card }) {
	const t = useT()
	return (
		<article className="card group-card" aria-labelledby={`group-${group.id}`}>
			<Link to={`/groups/${group.id}`} className="group-card-link">
				<span className="group-cover">
					{group.cover ? <MediaImage media={group.cover} alt="" sizes="(min-width: 840px) 300px, 100vw" /> : <span className="group-nocover" aria-hidden="true">{group.name.slice(0, 1)}</span>}
				</span>
				<h2 id={`group-${group.id}`} className="group-name">{group.name}</h2>
			</Link>
			<p className="group-meta">
				<span>{t('groups.ledBy', { name: group.leader.displayName })}</span>
				{group.leader.profileLine ? <span className="muted"> · {group.leader.profileLine}</span> : null}
			</p>
			<p className="group-meta muted">
				{t('groups.members', { count: group.memberCount, cap: group.memberCap })} · {t(`groups.visibility.${group.visibility}`)}
			</p>
			{group.description ? <p className="group-description">{group.description}</p> : null}
		</article>
	)
}
