import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireRole } from '#app/domain/accounts/auth.server.ts'
import { getValidityMonths, listRules, saveRule, setValidityMonths } from '#app/domain/points/rules.server.ts'
import { CAP_PERIODS } from '#app/domain/points/triggers.ts'
import { fissionStats, listFlagged, reviewAttribution } from '#app/domain/referrals/attribution.server.ts'
import { isMessageKey, type MessageKey } from '#app/lib/i18n/index.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useLocale, useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'console.pointsTitle')

// Prizes and commission carry their own amounts (the draw's pool, the commission rate), so they are not rules to edit here.
const AMOUNT_SET_ELSEWHERE = new Set(['prize.points', 'commission.earned'])

export async function loader(args: LoaderFunctionArgs) {
	requireRole(args, 'merchant')
	const [rules, months, flagged, fission] = await Promise.all([listRules(), getValidityMonths(), listFlagged(), fissionStats()])
	// Points prizes carry their own size, set on the draw, so that rule is not edited here.
	return { rules: rules.filter((r) => !AMOUNT_SET_ELSEWHERE.has(r.trigger)), months, flagged: flagged.map((f) => ({ ...f, createdAt: f.createdAt.toISOString() })), fission }
}

const int = z.preprocess((v) => (v === '' || v === undefined ? null : Number(v)), z.number().nullable())
const RuleForm = z.object({ intent: z.literal('rule'), trigger: z.string(), points: int, capCount: int, capPeriod: z.string().transform((v) => v || null), enabled: z.string().optional() })
const ValidityForm = z.object({ intent: z.literal('validity'), months: int })
const ReviewForm = z.object({ intent: z.literal('review'), id: z.string(), decision: z.enum(['approve', 'reject']) })

export async function action(args: ActionFunctionArgs) {
	requireRole(args, 'merchant')
	const form = Object.fromEntries(await args.request.formData())
	const parsed = z.discriminatedUnion('intent', [RuleForm, ValidityForm, ReviewForm]).safeParse(form)
	if (!parsed.success) return data({ error: 'error.formInvalid' as MessageKey, trigger: null }, { status: 400 })
	const input = parsed.data
	if (input.intent === 'rule') {
		const saved = await saveRule({ trigger: input.trigger, points: input.points ?? Number.NaN, capCount: input.capCount, capPeriod: input.capPeriod, enabled: input.enabled === 'on' })
		if (!saved.ok) return data({ error: saved.error as MessageKey, trigger: input.trigger }, { status: 400 })
	} else if (input.intent === 'validity') {
		if (!(await setValidityMonths(input.months ?? 0))) return data({ error: 'console.validityBad' as MessageKey, trigger: null }, { status: 400 })
	} else {
		await reviewAttribution(input.id, input.decision)
	}
	return redirect('/console/points')
}

export default function ConsolePointsPage() {
	const { rules, months, flagged, fission } = useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>()
	const t = useT()
	const locale = useLocale()
	const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })
	const label = (key: string) => (isMessageKey(key) ? t(key) : key)
	return (
		<div className="console-points">
			<h1>{t('console.pointsTitle')}</h1>
			{failure && !failure.trigger ? <p className="form-alert" role="alert">{t(failure.error)}</p> : null}

			<section className="card" aria-labelledby="rules-title">
				<h2 id="rules-title">{t('console.rulesTitle')}</h2>
				<p className="muted">{t('points.howText')}</p>
				<div className="table-wrap">
					<table>
						<thead>
							<tr><th scope="col">{t('console.rule')}</th><th scope="col">{t('console.points')} · {t('console.cap')} · {t('console.enabled')}</th></tr>
						</thead>
						<tbody>
							{rules.map((r) => (
								<tr key={r.trigger}>
									<td>{label(`points.reason.${r.trigger}`)}{failure?.trigger === r.trigger ? <p className="field-error" role="alert">{t(failure.error)}</p> : null}</td>
									<td>
										<Form method="post" className="rule-form" aria-label={label(`points.reason.${r.trigger}`)}>
											<input type="hidden" name="intent" value="rule" />
											<input type="hidden" name="trigger" value={r.trigger} />
											<input name="points" type="number" min={0} defaultValue={r.points} aria-label={t('console.points')} />
											<input name="capCount" type="number" min={1} defaultValue={r.capCount ?? ''} aria-label={t('console.cap')} />
											<select name="capPeriod" defaultValue={r.capPeriod ?? ''} aria-label={t('console.capPeriod')}>
												<option value="">—</option>
												{CAP_PERIODS.map((p) => <option key={p} value={p}>{t(`console.per.${p}`)}</option>)}
											</select>
											<input name="enabled" type="checkbox" defaultChecked={r.enabled} aria-label={t('console.enabled')} />
											<button type="submit" className="button button-quiet">{t('console.save')}</button>
										</Form>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
				<Form method="post" className="rule-form">
					<input type="hidden" name="intent" value="validity" />
					<label>{t('console.validity')} <input name="months" type="number" min={1} max={120} defaultValue={months} /></label>
					<button type="submit" className="button button-quiet">{t('console.save')}</button>
				</Form>
			</section>

			<section className="card" aria-labelledby="flagged-title">
				<h2 id="flagged-title">{t('console.flaggedTitle')}</h2>
				{flagged.length === 0 ? <p className="muted">{t('console.flaggedEmpty')}</p> : (
					<ul className="ledger">
						{flagged.map((f) => (
							<li key={f.id}>
								<span className="ledger-reason">{f.referrer.displayName} → {f.member.displayName} · {t(`console.flag.${f.flagReason ?? 'self'}` as MessageKey)}</span>
								<span className="rule-form">
									{(['approve', 'reject'] as const).map((d) => (
										<Form method="post" key={d}>
											<input type="hidden" name="intent" value="review" />
											<input type="hidden" name="id" value={f.id} />
											<button type="submit" name="decision" value={d} className="button button-quiet">{t(`console.${d}`)}</button>
										</Form>
									))}
								</span>
							</li>
						))}
					</ul>
				)}
			</section>

			<section className="card" aria-labelledby="fission-title">
				<h2 id="fission-title">{t('console.fissionTitle')}</h2>
				<div className="table-wrap">
					<table>
						<thead>
							<tr><th scope="col">{t('console.campaign')}</th><th scope="col">{t('console.invited')}</th><th scope="col">{t('console.signedUp')}</th><th scope="col">{t('console.ordered')}</th><th scope="col">K</th><th scope="col">{t('console.pointsPerMember')}</th></tr>
						</thead>
						<tbody>
							{fission.map((f) => (
								<tr key={f.campaign}>
									<td>{f.campaign}</td><td>{f.invited}</td><td>{f.signedUp}</td><td>{f.ordered}</td><td>{number.format(f.kFactor)}</td><td>{number.format(f.pointsPerMember)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			</section>
		</div>
	)
}
