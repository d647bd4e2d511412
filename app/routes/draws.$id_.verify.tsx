import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Field } from '#app/components/ui/field.tsx'
import { verifyDraw } from '#app/domain/lottery/draws.server.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'verify.title')

// Public: anyone may re-compute any draw once the campaign has closed.
export async function loader({ params, request }: LoaderFunctionArgs) {
	const drawId = new URL(request.url).searchParams.get('draw')?.trim().slice(0, 40) ?? ''
	return { campaignId: params.id ?? '', drawId, check: drawId ? await verifyDraw(drawId) : null }
}

export default function VerifyPage() {
	const { campaignId, drawId, check } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<section className="card narrow" aria-labelledby="page-title">
			<h1 id="page-title">{t('verify.title')}</h1>
			<p className="muted">{t('verify.intro')}</p>
			<Form method="get" className="stack">
				<Field label={t('verify.drawId')} name="draw" defaultValue={drawId} required />
				<button type="submit" className="button button-primary">{t('verify.check')}</button>
			</Form>
			{check ? (
				check.verifiable ? (
					<div className={check.matches && check.seedMatchesCommitment ? 'form-success' : 'form-alert'} role="status">
						<p>{t(check.seedMatchesCommitment ? 'verify.seedOk' : 'verify.seedBad')}</p>
						<p>{t('verify.computed', { index: check.index, total: check.total, position: check.expectedPosition + 1 })}</p>
						<p>{t(check.matches ? 'verify.match' : 'verify.mismatch')}</p>
					</div>
				) : (
					<p className="form-alert" role="alert">{t(check.reason as 'lottery.notFound')}</p>
				)
			) : null}
			<p><Link to={`/draws/${campaignId}`}>{t('verify.back')}</Link></p>
		</section>
	)
}
