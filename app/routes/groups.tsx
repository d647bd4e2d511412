import type { MetaFunction } from '@remix-run/node'
import { EmptySection } from '#app/components/empty-state.tsx'
import { pageTitle } from '#app/lib/i18n/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'groups.title')

export default function GroupsPage() {
	return <EmptySection icon="groups" title="groups.title" empty="groups.empty" />
}
