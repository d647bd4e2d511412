import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Field, FormAlert, SelectField } from '#app/components/ui/field.tsx'
import { requireRole } from '#app/domain/accounts/auth.server.ts'
import { linkableActivities, linkCampaign, linkedActivityNames, linkFlashSale } from '#app/domain/member-days/activities.server.ts'
import { createMemberDay, listMemberDays } from '#app/domain/member-days/days.server.ts'
import { packPool } from '#app/domain/member-days/pools.server.ts'
import { listSegmentOptions } from '#app/domain/segments/segments.server.ts'
import { formValues } from '#app/lib/forms.ts'
import { useDateFormat } from '#app/lib/i18n/format.ts'
import { isMessageKey } from '#app/lib/i18n/index.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'days.consoleTitle')

const ITEM_ROWS = 4

export async function loader(args: LoaderFunctionArgs) {
	requireRole(args, 'merchant')
	const [days, segments, linkable] = await Promise.all([listMemberDays(), listSegmentOptions(), linkableActivities()])
	const linked = await linkedActivityNames(days.map((d) => d.id))
	return {
		days: days.map((d) => ({ id: d.id, title: d.title, surprise: d.surprise, startsAt: d.startsAt.toISOString(), endsAt: d.endsAt.toISOString(), activities: linked.get(d.id) ?? [] })),
		segments,
		linkable,
	}
}

const num = (v: FormDataEntryValue | null) => (v === null || v === '' ? Number.NaN : Number(v))
const optionalNum = (v: FormDataEntryValue | null) => (v === null || v === '' ? null : Number(v))
// datetime-local has no zone; the console's times are read as UTC (decision 006).
const date = (v: FormDataEntryValue | null) => new Date(`${String(v ?? '')}:00Z`)

/** "Add an activity": a campaign or a flash sale becomes part of one member day. */
async function linkActivity(form: FormData, intent: 'linkCampaign' | 'linkSale') {
	const memberDayId = String(form.get('memberDayId') ?? '')
	const result = intent === 'linkCampaign'
		? await linkCampaign(memberDayId, String(form.get('campaignId') ?? ''))
		: await linkFlashSale(memberDayId, String(form.get('saleId') ?? ''))
	if (!result.ok) return data({ intent, errors: { [intent === 'linkCampaign' ? 'campaignId' : 'saleId']: result.error } as Record<string, string>, values: formValues(form) }, { status: 400 })
	return redirect('/console/days?linked=1')
}

export async function action(args: ActionFunctionArgs) {
	requireRole(args, 'merchant')
	const form = await args.request.formData()
	const asked = form.get('intent')
	if (asked === 'linkCampaign' || asked === 'linkSale') return linkActivity(form, asked)
	const intent = form.get('intent') === 'pool' ? 'pool' : 'day'
	const result = intent === 'day'
		? await createMemberDay({
			title: String(form.get('title') ?? ''),
			description: String(form.get('description') ?? ''),
			startsAt: date(form.get('startsAt')),
			endsAt: date(form.get('endsAt')),
			surprise: form.get('surprise') === 'on',
			segmentId: String(form.get('segmentId') ?? '') || null,
			dailyCapPoints: optionalNum(form.get('dailyCapPoints')),
		})
		: await packPool({
			memberDayId: String(form.get('memberDayId') ?? ''),
			name: String(form.get('name') ?? ''),
			boxes: num(form.get('boxes')),
			pricePoints: num(form.get('pricePoints')),
			priceCents: Math.round(num(form.get('priceYuan') || '0') * 100),
			perMemberLimit: num(form.get('perMemberLimit')),
			guaranteeEvery: optionalNum(form.get('guaranteeEvery')),
			guaranteePosition: optionalNum(form.get('guaranteePosition')),
			items: Array.from({ length: ITEM_ROWS }, (_, i) => ({ name: String(form.get(`item${i}.name`) ?? ''), total: num(form.get(`item${i}.total`)) }))
				.filter((item) => item.name.trim() !== ''),
		})
	if (!result.ok) return data({ intent, errors: result.errors, values: formValues(form) }, { status: 400 })
	return redirect(intent === 'day' ? '/console/days?created=day' : '/console/days?created=pool')
}

export default function ConsoleDaysPage() {
	const { days, segments, linkable } = useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>()
	const t = useT()
	const when = useDateFormat({ dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })
	const err = (intent: string, field: string) => {
		const key = failure?.intent === intent ? failure.errors[field] : undefined
		return key ? (isMessageKey(key) ? t(key) : t('error.formInvalid')) : undefined
	}
	const value = (intent: string, field: string) => (failure?.intent === intent ? failure.values[field] : undefined)
	return (
		<div className="member-days">
			<h1>{t('days.consoleTitle')}</h1>
			<section className="card" aria-labelledby="days-list">
				<h2 id="days-list">{t('days.list')}</h2>
				{days.length === 0 ? <p className="muted">{t('days.none')}</p> : (
					<ul className="ledger">
						{days.map((d) => (
							<li key={d.id}>
								<Link to={`/days/${d.id}`} className="ledger-reason">{d.title}{d.surprise ? ` · ${t('days.surprise')}` : ''}</Link>
								<time dateTime={d.startsAt}>{when.format(new Date(d.startsAt))} – {when.format(new Date(d.endsAt))}</time>
								<AddActivity day={d} linkable={linkable} failure={failure?.values.memberDayId === d.id ? failure : undefined} />
							</li>
						))}
					</ul>
				)}
			</section>
			<section className="card" aria-labelledby="new-day">
				<h2 id="new-day">{t('days.newDay')}</h2>
				<Form method="post" className="stack" noValidate>
					<input type="hidden" name="intent" value="day" />
					<Field label={t('days.field.title')} name="title" required defaultValue={value('day', 'title')} error={err('day', 'title')} />
					<Field label={t('days.field.description')} name="description" defaultValue={value('day', 'description')} error={err('day', 'description')} />
					<div className="field-row">
						<Field label={t('days.field.startsAt')} name="startsAt" type="datetime-local" required defaultValue={value('day', 'startsAt')} error={err('day', 'startsAt')} />
						<Field label={t('days.field.endsAt')} name="endsAt" type="datetime-local" required defaultValue={value('day', 'endsAt')} error={err('day', 'endsAt')} />
						<Field label={t('days.field.dailyCap')} hint={t('days.field.dailyCapHint')} name="dailyCapPoints" type="number" min={1} defaultValue={value('day', 'dailyCapPoints')} error={err('day', 'dailyCapPoints')} />
					</div>
					<SelectField label={t('days.field.audience')} name="segmentId" defaultValue={value('day', 'segmentId') ?? ''} error={err('day', 'segmentId')}>
						<option value="">{t('days.everyMember')}</option>
						{segments.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
					</SelectField>
					<label className="check"><input type="checkbox" name="surprise" defaultChecked={value('day', 'surprise') === 'on'} /> {t('days.field.surprise')}</label>
					<button type="submit" className="button button-primary">{t('days.createDay')}</button>
				</Form>
			</section>
			{days.length > 0 ? (
				<section className="card" aria-labelledby="new-pool">
					<h2 id="new-pool">{t('days.newPool')}</h2>
					<Form method="post" className="stack" noValidate>
						<input type="hidden" name="intent" value="pool" />
						<FormAlert message={err('pool', 'items') ?? err('pool', 'memberDayId') ?? null} />
						<SelectField label={t('days.field.day')} name="memberDayId" defaultValue={value('pool', 'memberDayId')}>
							{days.map((d) => <option key={d.id} value={d.id}>{d.title}</option>)}
						</SelectField>
						<Field label={t('days.field.poolName')} name="name" required defaultValue={value('pool', 'name')} error={err('pool', 'name')} />
						<div className="field-row">
							<Field label={t('days.field.boxes')} name="boxes" type="number" min={1} defaultValue={value('pool', 'boxes')} error={err('pool', 'boxes')} />
							<Field label={t('days.field.pricePoints')} name="pricePoints" type="number" min={0} defaultValue={value('pool', 'pricePoints') ?? '0'} error={err('pool', 'pricePoints')} />
							<Field label={t('days.field.priceYuan')} name="priceYuan" type="number" min={0} step="0.01" defaultValue={value('pool', 'priceYuan') ?? '0'} error={err('pool', 'priceCents')} />
							<Field label={t('days.field.limit')} name="perMemberLimit" type="number" min={1} defaultValue={value('pool', 'perMemberLimit') ?? '5'} error={err('pool', 'perMemberLimit')} />
						</div>
						<fieldset className="days-items">
							<legend>{t('days.field.items')}</legend>
							{Array.from({ length: ITEM_ROWS }, (_, i) => (
								<div className="field-row" key={i}>
									<Field label={t('days.field.itemName', { n: i + 1 })} name={`item${i}.name`} defaultValue={value('pool', `item${i}.name`)} error={err('pool', `items.${i}.name`)} />
									<Field label={t('days.field.itemCount')} name={`item${i}.total`} type="number" min={1} defaultValue={value('pool', `item${i}.total`)} error={err('pool', `items.${i}.total`)} />
								</div>
							))}
						</fieldset>
						<div className="field-row">
							<Field label={t('days.field.guaranteeEvery')} hint={t('days.field.guaranteeHint')} name="guaranteeEvery" type="number" min={2} defaultValue={value('pool', 'guaranteeEvery')} error={err('pool', 'guaranteeEvery')} />
							<SelectField label={t('days.field.guaranteeItem')} name="guaranteePosition" defaultValue={value('pool', 'guaranteePosition') ?? ''} error={err('pool', 'guaranteePosition')}>
								<option value="">{t('days.noGuarantee')}</option>
								{Array.from({ length: ITEM_ROWS }, (_, i) => <option key={i} value={i}>{t('days.field.itemName', { n: i + 1 })}</option>)}
							</SelectField>
						</div>
						<p className="muted">{t('days.fairText')}</p>
						<button type="submit" className="button button-primary">{t('days.packPool')}</button>
					</Form>
				</section>
			) : null}
		</div>
	)
}

type Linkable = { campaigns: { id: string; title: string }[]; sales: { id: string; productName: string; roomTitle: string }[] }
type LinkFailure = { intent: string; errors: Record<string, string>; values: Record<string, string> }

/** One day's "Add an activity": a draw campaign or a flash sale not yet any day's, each added on its own. */
function AddActivity({ day, linkable, failure }: { day: { id: string; activities: string[] }; linkable: Linkable; failure?: LinkFailure }) {
	const t = useT()
	const mine = failure && (failure.intent === 'linkCampaign' || failure.intent === 'linkSale') ? failure : undefined
	const problem = mine?.errors.campaignId ?? mine?.errors.saleId
	return (
		<details open={Boolean(mine)}>
			<summary>{t('dayActivities.console.add')}</summary>
			{day.activities.length > 0 ? <p className="muted">{t('dayActivities.console.linked', { names: day.activities.join(', ') })}</p> : null}
			<Form method="post" className="stack" noValidate>
				<input type="hidden" name="memberDayId" value={day.id} />
				<FormAlert message={problem ? (isMessageKey(problem) ? t(problem) : t('error.formInvalid')) : null} />
				{linkable.campaigns.length > 0 ? (
					<>
						<SelectField label={t('dayActivities.console.campaign')} name="campaignId" defaultValue={mine?.values.campaignId}>
							{linkable.campaigns.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
						</SelectField>
						<button type="submit" name="intent" value="linkCampaign" className="button button-quiet">{t('dayActivities.console.linkCampaign')}</button>
					</>
				) : <p className="muted">{t('dayActivities.console.noCampaigns')}</p>}
				{linkable.sales.length > 0 ? (
					<>
						<SelectField label={t('dayActivities.console.sale')} name="saleId" defaultValue={mine?.values.saleId}>
							{linkable.sales.map((s) => <option key={s.id} value={s.id}>{t('dayActivities.console.saleOption', { product: s.productName, room: s.roomTitle })}</option>)}
						</SelectField>
						<button type="submit" name="intent" value="linkSale" className="button button-quiet">{t('dayActivities.console.linkSale')}</button>
					</>
				) : <p className="muted">{t('dayActivities.console.noSales')}</p>}
			</Form>
		</details>
	)
}
