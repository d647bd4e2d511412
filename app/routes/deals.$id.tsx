import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { DealCardView } from '#app/components/groups/deal-card.tsx'
import { useDealProgress } from '#app/components/groups/use-deal-progress.ts'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { getDeal } from '#app/domain/groups/deals-read.server.ts'
import { joinDeal, leaveDeal } from '#app/domain/groups/deals.server.ts'
import type { DealActionReply } from '#app/domain/groups/views.ts'
import { invariantResponse } from '#app/lib/http.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `${d.deal.product.name} · Quanzi` : 'Quanzi' }]

export async function loader({ params, context }: LoaderFunctionArgs) {
	const deal = await getDeal(params.id!, context.user)
	invariantResponse(deal, 'deals.error.notFound', { status: 404 })
	return { deal }
}

const IntentSchema = z.object({ intent: z.enum(['join', 'leave']) })
const STATUS: Partial<Record<MessageKey, number>> = { 'deals.error.notFound': 404, 'deals.error.membersOnly': 403, 'deals.error.busy': 503 }

export async function action(args: ActionFunctionArgs) {
	const user = requireUser(args)
	const parsed = IntentSchema.safeParse(Object.fromEntries(await args.request.formData()))
	if (!parsed.success) return data<DealActionReply>({ ok: false, intent: '', error: 'deals.error.badRequest' }, { status: 400 })
	const { intent } = parsed.data
	const dealId = args.params.id!
	const result = intent === 'join' ? await joinDeal(dealId, user) : await leaveDeal(dealId, user.id)
	// Everything else refused (full, closed, already in, filled) conflicts with the deal's state.
	if (!result.ok) return data<DealActionReply>({ ok: false, intent, error: result.error }, { status: STATUS[result.error] ?? 409 })
	return data<DealActionReply>({ ok: true, intent })
}

export default function DealPage() {
	const t = useT()
	const { deal } = useLoaderData<typeof loader>()
	const reply = useActionData<typeof action>()
	const progress = useDealProgress(deal)
	const names = deal.joinerNames
	return (
		<div className="deal-page">
			<p><Link to="/deals">← {t('deals.back')}</Link></p>
			<DealCardView deal={deal} heading="h1" reply={reply} progress={progress} />
			<section className="card deal-joiners" aria-labelledby="joiners-title">
				<h2 id="joiners-title">{t('deals.whoJoined')}</h2>
				<p>{t('deals.joinerCount', { count: progress.joined })}</p>
				{names?.length ? (
					<ul className="deal-names">
						{names.map((name, i) => <li key={i}>{name}</li>)}
						{progress.joined > names.length ? <li className="deal-names-more">{t('deals.joinersMore', { count: progress.joined - names.length })}</li> : null}
					</ul>
				) : null}
				{names === null && deal.group ? <p className="muted">{t('deals.joinersHidden')}</p> : null}
			</section>
		</div>
	)
}
