import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { DealForm } from '#app/components/groups/deal-form.tsx'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { toDeadlineInput } from '#app/domain/groups/deal-schema.ts'
import { dealPlace, listDealProducts, openDeal } from '#app/domain/groups/deals-open.server.ts'
import { formValues } from '#app/lib/forms.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'deals.newTitle')

/** Three days ahead, on the hour: long enough to fill, short enough to feel urgent. */
const DEFAULT_LEAD_MS = 3 * 86_400_000

const groupOf = (request: Request) => new URL(request.url).searchParams.get('group') || null

export async function loader(args: LoaderFunctionArgs) {
	const user = requireUser(args)
	const place = await dealPlace(user, groupOf(args.request))
	if (!place.ok) throw new Response(place.formError, { status: place.status })
	const deadline = new Date(Date.now() + DEFAULT_LEAD_MS)
	deadline.setUTCMinutes(0, 0, 0)
	return { group: place.group, products: await listDealProducts(), defaultDeadline: toDeadlineInput(deadline) }
}

export async function action(args: ActionFunctionArgs) {
	const user = requireUser(args)
	const form = await args.request.formData()
	const field = (name: string) => {
		const value = form.get(name)
		return typeof value === 'string' ? value : undefined
	}
	const opened = await openDeal(user, { groupId: groupOf(args.request), productId: field('productId'), price: field('price'), target: field('target'), cap: field('cap'), deadline: field('deadline') })
	if (!opened.ok) return data({ ...opened, values: formValues(form) }, { status: opened.status })
	return redirect(`/deals/${opened.id}`)
}

export default function NewDealPage() {
	const t = useT()
	const { group, products, defaultDeadline } = useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>()
	return (
		<section className="deal-new narrow" aria-labelledby="page-title">
			{group ? <p><Link to={`/groups/${group.id}`}>← {group.name}</Link></p> : <p><Link to="/deals">← {t('deals.back')}</Link></p>}
			<h1 id="page-title">{t('deals.newTitle')}</h1>
			<p><strong>{group ? t('deals.newFor', { group: group.name }) : t('deals.newForShop')}</strong></p>
			<p className="muted">{t('deals.newIntro')}</p>
			<DealForm products={products} defaultDeadline={defaultDeadline} failure={failure} />
		</section>
	)
}
