import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { requireRole } from '#app/domain/accounts/auth.server.ts'
import { listToShip, markShipped, parsePrizeRef } from '#app/domain/lottery/fulfilment.server.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useLocale, useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'console.shipTitle')

export async function loader(args: LoaderFunctionArgs) {
	requireRole(args, 'merchant')
	return { toShip: await listToShip() }
}

export async function action(args: ActionFunctionArgs) {
	requireRole(args, 'merchant')
	const form = await args.request.formData()
	const ref = parsePrizeRef(form.get('source'), form.get('id'))
	if (ref) await markShipped(ref)
	return redirect('/console/prizes')
}

export default function ConsolePrizesPage() {
	const { toShip } = useLoaderData<typeof loader>()
	const t = useT()
	const when = new Intl.DateTimeFormat(useLocale(), { dateStyle: 'medium' })
	return (
		<section aria-labelledby="page-title">
			<h1 id="page-title">{t('console.shipTitle')}</h1>
			{toShip.length === 0 ? <p className="muted">{t('console.shipEmpty')}</p> : (
				<ul className="card-list">
					{toShip.map((d) => (
						<li key={`${d.source}:${d.id}`} className="card">
							<strong>{d.item}</strong> · {d.source === 'box' ? t('days.boxFrom', { pool: d.from }) : d.from} · {when.format(new Date(d.createdAt))}
							<p>{d.member.displayName} ({d.member.email})</p>
							<p>{t('console.shipTo')}: {d.shipTo ?? <em>{t('console.noAddress')}</em>}</p>
							{d.shipTo ? (
								<Form method="post">
									<input type="hidden" name="source" value={d.source} />
									<input type="hidden" name="id" value={d.id} />
									<button type="submit" className="button button-primary">{t('console.markSent')}</button>
								</Form>
							) : null}
						</li>
					))}
				</ul>
			)}
		</section>
	)
}
