import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { CategorySwitches } from '#app/components/notifications/category-switches.tsx'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { getWeeklyCap } from '#app/domain/notifications/cap-settings.server.ts'
import { MARKETING_CATEGORIES } from '#app/domain/notifications/policy.ts'
import { getPreferences, preferencesFromForm, savePreferences } from '#app/domain/notifications/preferences.server.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'notifySettings.title')

export async function loader(args: LoaderFunctionArgs) {
	const user = requireUser(args)
	const [preferences, cap] = await Promise.all([getPreferences(user.id), getWeeklyCap()])
	return { preferences, cap, email: user.email }
}

/** Saves the signed-in member's own switches; any member id in the form is ignored. */
export async function action(args: ActionFunctionArgs) {
	const user = requireUser(args)
	await savePreferences(user.id, preferencesFromForm(await args.request.formData()))
	return redirect('/me/notification-settings?saved=1')
}

const isOffer = (category: string) => (MARKETING_CATEGORIES as readonly string[]).includes(category)

export default function NotificationSettingsPage() {
	const { preferences, cap, email } = useLoaderData<typeof loader>()
	const [params] = useSearchParams()
	const busy = useNavigation().state === 'submitting'
	const t = useT()
	const capLine = cap === 0 ? t('notifySettings.capNone') : cap === 1 ? t('notifySettings.capOne') : t('notifySettings.capMany', { cap })
	return (
		<div className="notify-settings">
			<div className="page-head">
				<h1>{t('notifySettings.title')}</h1>
				<Link to="/me/notifications" className="button button-quiet">{t('notifySettings.back')}</Link>
			</div>
			<p className="muted">{t('notifySettings.intro', { email })}</p>
			{params.get('saved') ? <p className="form-success" role="status">{t('notifySettings.saved')}</p> : null}
			<Form method="post" className="stack">
				<section className="card" aria-labelledby="offers-title">
					<h2 id="offers-title">{t('notifySettings.offers')}</h2>
					<p className="notify-cap">{capLine}</p>
					{preferences.filter((p) => isOffer(p.category)).map((row) => <CategorySwitches key={row.category} row={row} />)}
				</section>
				<section className="card" aria-labelledby="activity-title">
					<h2 id="activity-title">{t('notifySettings.activity')}</h2>
					<p className="muted">{t('notifySettings.activityHint')}</p>
					{preferences.filter((p) => !isOffer(p.category)).map((row) => <CategorySwitches key={row.category} row={row} />)}
				</section>
				<button type="submit" className="button button-primary" disabled={busy}>{t('notifySettings.save')}</button>
			</Form>
			<section className="card notify-always" aria-labelledby="always-title">
				<h2 id="always-title">{t('notifyCategory.account')}</h2>
				<p><span className="pill">{t('notifySettings.alwaysOn')}</span></p>
				<p className="muted">{t('notifySettings.alwaysOnHint')}</p>
			</section>
		</div>
	)
}
