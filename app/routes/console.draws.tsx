import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Field, FormAlert, SelectField } from '#app/components/ui/field.tsx'
import { requireRole } from '#app/domain/accounts/auth.server.ts'
import { createCampaign, listCampaigns } from '#app/domain/lottery/campaigns.server.ts'
import { templateOptions } from '#app/domain/membership/coupon-templates.server.ts'
import { PRIZE_KINDS } from '#app/domain/lottery/limits.ts'
import { formValues } from '#app/lib/forms.ts'
import { isMessageKey } from '#app/lib/i18n/index.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useLocale, useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'console.drawsTitle')

const PRIZE_ROWS = 5

export async function loader(args: LoaderFunctionArgs) {
	requireRole(args, 'merchant')
	const [campaigns, couponTemplates] = await Promise.all([listCampaigns(), templateOptions()])
	return { campaigns, couponTemplates }
}

const num = (v: FormDataEntryValue | null) => (v === null || v === '' ? Number.NaN : Number(v))
// datetime-local has no zone; the console's times are read as UTC (decision 006).
const date = (v: FormDataEntryValue | null) => new Date(`${String(v ?? '')}:00Z`)

export async function action(args: ActionFunctionArgs) {
	requireRole(args, 'merchant')
	const form = await args.request.formData()
	const prizes = Array.from({ length: PRIZE_ROWS }, (_, i) => ({
		name: String(form.get(`prize${i}.name`) ?? ''),
		kind: String(form.get(`prize${i}.kind`) ?? 'physical') as (typeof PRIZE_KINDS)[number],
		points: form.get(`prize${i}.points`) ? num(form.get(`prize${i}.points`)) : null,
		total: num(form.get(`prize${i}.total`)),
		couponTemplateId: form.get(`prize${i}.kind`) === 'coupon' ? String(form.get(`prize${i}.couponTemplateId`) ?? '') || null : null,
	})).filter((p) => p.name.trim() !== '')
	const created = await createCampaign({
		title: String(form.get('title') ?? ''),
		costPoints: num(form.get('costPoints')),
		perMemberLimit: num(form.get('perMemberLimit')),
		startsAt: date(form.get('startsAt')),
		endsAt: date(form.get('endsAt')),
		noEmptyDraws: form.get('noEmptyDraws') === 'on',
		prizes,
	}, { couponTemplateRequired: true })
	if (!created.ok) return data({ errors: created.errors, values: formValues(form) }, { status: 400 })
	return redirect(`/draws/${created.id}`)
}

export default function ConsoleDrawsPage() {
	const { campaigns, couponTemplates } = useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>()
	const t = useT()
	const when = new Intl.DateTimeFormat(useLocale(), { dateStyle: 'medium', timeZone: 'UTC' })
	const err = (field: string) => {
		const key = failure?.errors[field]
		return key ? (isMessageKey(key) ? t(key) : t('error.formInvalid')) : undefined
	}
	const value = (field: string) => failure?.values[field]
	return (
		<div>
			<h1>{t('console.drawsTitle')}</h1>
			<section className="card" aria-labelledby="list-title">
				<h2 id="list-title">{t('console.drawsList')}</h2>
				<ul className="ledger">
					{campaigns.map((c) => (
						<li key={c.id}>
							<Link to={`/draws/${c.id}`} className="ledger-reason">{c.title}</Link>
							<time dateTime={c.startsAt}>{when.format(new Date(c.startsAt))} – {when.format(new Date(c.endsAt))} · {t('console.drawCount', { count: c.draws })}</time>
						</li>
					))}
				</ul>
			</section>
			<section className="card" aria-labelledby="new-title">
				<h2 id="new-title">{t('console.newDraw')}</h2>
				<Form method="post" className="stack" noValidate>
					<FormAlert message={err('prizes') ?? null} />
					<Field label={t('console.drawTitle')} name="title" required defaultValue={value('title')} error={err('title')} />
					<div className="field-row">
						<Field label={t('console.drawCost')} name="costPoints" type="number" min={0} defaultValue={value('costPoints') ?? '10'} error={err('costPoints')} />
						<Field label={t('console.drawLimit')} name="perMemberLimit" type="number" min={1} defaultValue={value('perMemberLimit') ?? '5'} error={err('perMemberLimit')} />
						<Field label={t('console.drawStarts')} name="startsAt" type="datetime-local" required defaultValue={value('startsAt')} error={err('startsAt')} />
						<Field label={t('console.drawEnds')} name="endsAt" type="datetime-local" required defaultValue={value('endsAt')} error={err('endsAt')} />
					</div>
					<label className="check"><input type="checkbox" name="noEmptyDraws" defaultChecked={value('noEmptyDraws') === 'on'} /> {t('console.noEmptyDraws')}</label>
					<fieldset className="prize-rows">
						<legend>{t('console.prizeRows')}</legend>
						{Array.from({ length: PRIZE_ROWS }, (_, i) => (
							<div className="prize-row" key={i}>
								<Field label={t('console.prizeName')} name={`prize${i}.name`} defaultValue={value(`prize${i}.name`)} error={err(`prizes.${i}.name`)} />
								<SelectField label={t('console.prizeKind')} name={`prize${i}.kind`} defaultValue={value(`prize${i}.kind`) ?? 'physical'}>
									{PRIZE_KINDS.map((k) => <option key={k} value={k}>{t(`console.kind.${k}`)}</option>)}
								</SelectField>
								<Field label={t('console.prizePoints')} name={`prize${i}.points`} type="number" min={1} defaultValue={value(`prize${i}.points`)} error={err(`prizes.${i}.points`)} />
								<Field label={t('console.prizeCount')} name={`prize${i}.total`} type="number" min={1} defaultValue={value(`prize${i}.total`)} error={err(`prizes.${i}.total`)} />
								<SelectField label={t('lottery.prizeCoupon')} hint={t('lottery.prizeCouponHint')} name={`prize${i}.couponTemplateId`} defaultValue={value(`prize${i}.couponTemplateId`) ?? ''} error={err(`prizes.${i}.couponTemplateId`)}>
									<option value="">{t('lottery.prizeCouponNone')}</option>
									{couponTemplates.map((tpl) => <option key={tpl.id} value={tpl.id}>{tpl.name}</option>)}
								</SelectField>
							</div>
						))}
					</fieldset>
					<p className="muted">{t('draws.fairText')}</p>
					<button type="submit" className="button button-primary">{t('console.createDraw')}</button>
				</Form>
			</section>
		</div>
	)
}
