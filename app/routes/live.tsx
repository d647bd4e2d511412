import type { MetaFunction } from '@remix-run/node'
import { EmptyState } from '#app/components/empty-state.tsx'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'live.title')

export default function LivePage() {
	const t = useT()
	return (
		<section aria-labelledby="page-title">
			<h1 id="page-title">{t('live.title')}</h1>
			<EmptyState icon="live">{t('live.empty')}</EmptyState>
		</section>
	)
}
