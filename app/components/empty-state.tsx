import type { ReactNode } from 'react'
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
