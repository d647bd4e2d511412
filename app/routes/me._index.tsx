import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { Icon } from '#app/components/icons.tsx'
import { TierCard } from '#app/components/membership/tier-card.tsx'
import { Field, SelectField } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import { getProfile, updateProfile } from '#app/domain/accounts/accounts.server.ts'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { ProfileSchema } from '#app/domain/accounts/schemas.ts'
import { tierCardData } from '#app/domain/membership/benefits.server.ts'
import { getVoterPreferences } from '#app/domain/voting/settings.server.ts'
import { parseForm, refusalToForm } from '#app/lib/forms.ts'
import { invariantResponse } from '#app/lib/http.ts'
import { LOCALE_NAMES, LOCALES } from '#app/lib/i18n/index.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useLocale, useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'me.title')

export async function loader(args: LoaderFunctionArgs) {
	const user = requireUser(args)
	const [profile, voting, tierCard] = await Promise.all([getProfile(user.id), getVoterPreferences(user.id), tierCardData(user.id)])
	invariantResponse(profile && voting, 'Account not found', { status: 404 })
	return { profile: { ...profile, createdAt: profile.createdAt.toISOString() }, voting, tierCard }
}

export async function action(args: ActionFunctionArgs) {
	const user = requireUser(args)
	const formData = await args.request.formData()
	const parsed = parseForm(ProfileSchema, formData)
	if (!parsed.ok) return data(parsed, { status: 400 })
	const saved = await updateProfile(user.id, parsed.data)
	if (!saved.ok) return data(refusalToForm(saved, formData), { status: 400 })
	return redirect('/me?saved=1')
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1)
const DAYS = Array.from({ length: 31 }, (_, i) => i + 1)

export default function MePage() {
	const { profile, voting, tierCard } = useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>()
	const [params] = useSearchParams()
	const t = useT()
	const locale = useLocale()
	const busy = useNavigation().state === 'submitting'
	const { fieldError: err } = useFormFailure(failure)
	const value = (f: keyof typeof profile) => failure?.values[f] ?? String(profile[f] ?? '')
	const since = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long' }).format(new Date(profile.createdAt))
	return (
		<div className="me">
			<section className="profile-head" aria-labelledby="page-title">
				<span className="avatar" aria-hidden="true">{profile.displayName.slice(0, 1)}</span>
				<div>
					<h1 id="page-title">{profile.displayName}</h1>
					<p className="muted">
						<span className={`role role-${profile.role}`}>{t(`role.${profile.role}` as 'role.customer')}</span> · {t('me.memberSince', { date: since })}
					</p>
				</div>
			</section>

			{tierCard ? <TierCard {...tierCard} link /> : null}

			<nav className="me-links" aria-label={t('me.title')}>
				<Link to="/me/membership"><Icon name="star" />{t('membership.meLink')}</Link>
				<Link to="/me/points"><Icon name="star" />{t('me.points')}</Link>
				<Link to="/me/coupons"><Icon name="star" />{t('coupons.meLink')}</Link>
				<Link to="/me/orders"><Icon name="vote" />{t('orders.meLink')}</Link>
				{profile.role === 'superuser' ? <Link to="/me/earnings"><Icon name="star" />{t('earnings.title')}</Link> : null}
				<Link to="/me/invite"><Icon name="groups" />{t('me.invite')}</Link>
				<Link to="/me/prizes"><Icon name="vote" />{t('me.prizes')}</Link>
				<Link to="/days"><Icon name="box" />{t('days.meLink')}</Link>
				<Link to="/me/notifications"><Icon name="bell" />{t('me.notifications')}</Link>
				<Link to="/me/notification-settings"><Icon name="bell" />{t('notifySettings.meLink')}</Link>
				<Link to="/me/family"><Icon name="groups" />{t('family.meLink')}</Link>
				<Link to="/me/password"><Icon name="key" />{t('me.changePassword')}</Link>
			</nav>

			<section className="card" aria-labelledby="profile-title">
				<h2 id="profile-title">{t('me.profileTitle')}</h2>
				{params.get('saved') && !failure ? <p className="form-success" role="status">{t('me.saved')}</p> : null}
				<Form method="post" noValidate className="stack" key={profile.displayName + profile.locale}>
					<Field label={t('field.email')} value={profile.email} readOnly disabled />
					<Field label={t('field.displayName')} name="displayName" required maxLength={40} defaultValue={value('displayName')} error={err('displayName')} />
					<fieldset className="field-row">
						<legend>{t('field.birthday')}</legend>
						<SelectField label={t('field.month')} name="birthdayMonth" defaultValue={value('birthdayMonth')} error={err('birthdayMonth')}>
							<option value="">{t('field.notSet')}</option>
							{MONTHS.map((m) => <option key={m} value={m}>{m}</option>)}
						</SelectField>
						<SelectField label={t('field.day')} name="birthdayDay" defaultValue={value('birthdayDay')} error={err('birthdayDay')}>
							<option value="">{t('field.notSet')}</option>
							{DAYS.map((d) => <option key={d} value={d}>{d}</option>)}
						</SelectField>
						<p className="field-hint">{t('field.birthdayHint')}</p>
					</fieldset>
					<Field label={t('field.region')} name="region" maxLength={60} hint={t('field.regionHint')} defaultValue={value('region')} error={err('region')} />
					<Field label={t('profile.phone')} name="phone" type="tel" inputMode="tel" autoComplete="tel" maxLength={40} hint={t('profile.phoneHint')} defaultValue={value('phone')} error={err('phone')} />
					<SelectField label={t('field.locale')} name="locale" defaultValue={value('locale')} error={err('locale')}>
						<option value="">{t('field.localeAuto')}</option>
						{LOCALES.map((l) => <option key={l} value={l} lang={l}>{LOCALE_NAMES[l]}</option>)}
					</SelectField>
					<button type="submit" className="button button-primary" disabled={busy}>{t('me.save')}</button>
				</Form>
			</section>

			<section className="card" aria-labelledby="voting-title">
				<h2 id="voting-title">{t('vote.settings')}</h2>
				{params.get('voting') ? <p className="form-success" role="status">{t('vote.settingsSaved')}</p> : null}
				<Form method="post" action="/me/vote-settings" className="stack">
					<label className="check"><input type="checkbox" name="notifyVotes" defaultChecked={voting.notifyVotes} />{t('vote.notifySetting')}</label>
					<label className="check"><input type="checkbox" name="creditVotes" defaultChecked={voting.creditVotes} />{t('vote.creditSetting')}</label>
					<button type="submit" className="button button-quiet">{t('vote.settingsSave')}</button>
				</Form>
			</section>

			<section className="card" aria-labelledby="security-title">
				<h2 id="security-title">{t('me.securityTitle')}</h2>
				<p className="muted">{t('me.logoutHint')}</p>
				<Form method="post" action="/logout">
					<button type="submit" className="button button-quiet"><Icon name="logout" />{t('nav.logout')}</button>
				</Form>
			</section>
		</div>
	)
}
