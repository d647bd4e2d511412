import type { MetaFunction } from '@remix-run/node'
import { EmptySection } from '#app/components/empty-state.tsx'
import { pageTitle } from '#app/lib/i18n/meta.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'live.title')

export default function LivePage() {
	return <EmptySection icon="live" title="live.title" empty="live.empty" />
}
