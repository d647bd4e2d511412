import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { EmptyState } from '#app/components/empty-state.tsx'
import { MemberOrderList } from '#app/components/orders/member-orders.tsx'
import { Field, FormAlert } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { ClaimOrderSchema } from '#app/domain/membership/order-schema.ts'
import { claimOrder } from '#app/domain/membership/orders-link.server.ts'
import { listMemberOrders } from '#app/domain/membership/orders-read.server.ts'
import { parseForm, refusalStatus, refusalToForm } from '#app/lib/forms.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'orders.me.title')

export async function loader(args: LoaderFunctionArgs) {
	const user = requireUser(args)
	const cursor = new URL(args.request.url).searchParams.get('cursor')
	return listMemberOrders(user.id, { cursor })
}

export async function action(args: ActionFunctionArgs) {
	const user = requireUser(args)
	const form = await args.request.formData()
	const parsed = parseForm(ClaimOrderSchema, form)
	if (!parsed.ok) return data(parsed, { status: 400 })
	const claimed = await claimOrder(user.id, parsed.data.code)
	if (!claimed.ok) {
		// Too many tries is about the form, not the code; the others sit next to the field.
		const field = claimed.error === 'orders.claim.tooMany' ? undefined : 'code'
		return data(refusalToForm({ ...claimed, field }, form), { status: claimed.error === 'orders.claim.tooMany' ? 429 : refusalStatus(claimed) })
	}
	return redirect(`/me/orders?${new URLSearchParams({ [claimed.already ? 'already' : 'claimed']: claimed.order })}`)
}

export default function MyOrdersPage() {
	const { items, nextCursor } = useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>()
	const [params] = useSearchParams()
	const busy = useNavigation().state === 'submitting'
	const t = useT()
	const { fieldError, formError, value } = useFormFailure(failure)
	const claimed = params.get('claimed')
	const already = params.get('already')
	return (
		<div className="orders-me">
			<h1>{t('orders.me.title')}</h1>
			<p className="muted">{t('orders.me.intro')}</p>

			<section className="card" aria-labelledby="claim-title">
				<h2 id="claim-title">{t('orders.claim.title')}</h2>
				{claimed && !failure ? <p className="form-success" role="status">{t('orders.claim.done', { order: claimed })}</p> : null}
				{already && !failure ? <p className="form-success" role="status">{t('orders.claim.already', { order: already })}</p> : null}
				<Form method="post" noValidate className="orders-claim-form">
					<FormAlert message={formError} />
					<Field
						label={t('orders.claim.code')}
						name="code"
						required
						maxLength={40}
						autoComplete="off"
						autoCapitalize="characters"
						spellCheck={false}
						hint={t('orders.claim.codeHint')}
						defaultValue={value('code')}
						error={fieldError('code')}
					/>
					<button type="submit" className="button button-primary" disabled={busy}>{t('orders.claim.submit')}</button>
				</Form>
			</section>

			<section aria-label={t('orders.me.title')}>
				{items.length === 0 ? <EmptyState icon="box">{t('orders.me.empty')}</EmptyState> : <MemberOrderList items={items} />}
				{nextCursor ? <Link className="button button-quiet" to={`?cursor=${encodeURIComponent(nextCursor)}`}>{t('orders.me.more')}</Link> : null}
			</section>
		</div>
	)
}
