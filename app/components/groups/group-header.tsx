import type { ReactNode } from 'react'
import type { GroupCard } from '#app/domain/groups/groups.server.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import { MediaImage } from '../posts/media-gallery.tsx'

/** The top of a group's page: cover, name, its leader with their line, size and the viewer's buttons. */
export function GroupHeader({ group, children }: { group: GroupCard; children?: ReactNode }) {
	const t = useT()
	return (
		<header className="card group-header">
			{group.cover ? (
				<span className="group-header-cover">
					<MediaImage media={group.cover} alt="" sizes="(min-width: 960px) 960px, 100vw" eager />
				</span>
			) : null}
			<div className="group-header-body">
				<span className="tag">{t(`groups.visibility.${group.visibility}`)}</span>
				<h1 id="page-title">{group.name}</h1>
				<p className="group-meta">
					<a href={`/members/${group.leader.id}`}>{t('groups.ledBy', { name: group.leader.displayName })}</a>
					{group.leader.profileLine ? <span className="muted"> · {group.leader.profileLine}</span> : null}
				</p>
				<p className="group-meta muted">{t('groups.members', { count: group.memberCount, cap: group.memberCap })}</p>
				{group.description ? <p className="group-description">{group.description}</p> : null}
				<div className="group-actions">{children}</div>
			</div>
		</header>
	)
}
