import type { MetaFunction } from '@remix-run/node'
import { EmptySection } from '#app/components/empty-state.tsx'
import { pageTitle } from '#app/lib/i18n/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'vote.title')

export default function VotePage() {
	return <EmptySection icon="vote" title="vote.title" empty="vote.empty" />
}
