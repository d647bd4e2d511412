import type { ReactNode } from 'react'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import { Icon, type IconName } from './icons.tsx'

/** What a section shows before it has anything in it: why, and what will appear. */
export function EmptyState({ icon, children }: { icon: IconName; children: ReactNode }) {
	return (
		<div className="empty-state">
			<Icon name={icon} width={40} height={40} />
			<p>{children}</p>
		</div>
	)
}

/** A whole section page that has nothing to show yet: its title and why it is empty. */
export function EmptySection({ icon, title, empty }: { icon: IconName; title: MessageKey; empty: MessageKey }) {
	const t = useT()
	return (
		<section aria-labelledby="page-title">
			<h1 id="page-title">{t(title)}</h1>
			<EmptyState icon={icon}>{t(empty)}</EmptyState>
		</section>
	)
}
