import { randomUUID } from 'node:crypto'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { CouponAutoForm } from '#app/components/membership/coupon-auto-form.tsx'
import { IssueToMemberForm, IssueToSegmentForm } from '#app/components/membership/coupon-issue-forms.tsx'
import { CouponTemplateForm } from '#app/components/membership/coupon-template-form.tsx'
import { CouponTemplatesTable } from '#app/components/membership/coupon-templates-table.tsx'
import { requireRole } from '#app/domain/accounts/auth.server.ts'
import { logAction } from '#app/domain/moderation/audit.server.ts'
import { issueToMemberForm, issueToSegmentForm } from '#app/domain/membership/coupon-console.server.ts'
import { getAutoSettings, saveAutoSettings } from '#app/domain/membership/coupon-settings.server.ts'
import { findTemplate, listTemplates, saveTemplate, templateOptions } from '#app/domain/membership/coupon-templates.server.ts'
import { listSegmentOptions } from '#app/domain/segments/segments.server.ts'
import { formValues } from '#app/lib/forms.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'coupons.title')

export async function loader(args: LoaderFunctionArgs) {
	requireRole(args, 'merchant')
	const editId = new URL(args.request.url).searchParams.get('edit')
	const [templates, options, segments, auto, editing] = await Promise.all([
		listTemplates(),
		templateOptions(),
		listSegmentOptions(),
		getAutoSettings(),
		editId ? findTemplate(editId) : null,
	])
	// A fresh id per page view: the issue forms carry it, so a double click issues once.
	return { templates, options, segments, auto, editing, issueId: randomUUID() }
}

export async function action(args: ActionFunctionArgs) {
	const merchant = requireRole(args, 'merchant')
	const form = await args.request.formData()
	const intent = form.get('intent')
	if (intent === 'template') {
		const saved = await saveTemplate(form)
		if (!saved.ok) return data({ intent: 'template' as const, ok: false as const, fieldErrors: saved.fieldErrors, formError: saved.formError, values: formValues(form) }, { status: 400 })
		await logAction({ actorId: merchant.id, action: 'coupons.template', targetType: 'coupon', targetId: saved.id, detail: { name: String(form.get('name') ?? '') } })
		return redirect('/console/coupons?done=template')
	}
	if (intent === 'auto') {
		const saved = await saveAutoSettings(form)
		if (!saved.ok) return data({ intent: 'auto' as const, ...saved }, { status: 400 })
		await logAction({ actorId: merchant.id, action: 'coupons.auto', targetType: 'coupon', targetId: 'settings' })
		return redirect('/console/coupons?done=auto')
	}
	if (intent === 'issueMember') {
		const issued = await issueToMemberForm(form)
		if (issued.ok && !issued.duplicate) await logAction({ actorId: merchant.id, action: 'coupons.issueMember', targetType: 'coupon', targetId: issued.code, detail: { email: issued.email } })
		return data({ intent: 'issueMember' as const, ...issued }, { status: issued.ok ? 200 : 400 })
	}
	if (intent === 'issueSegment') {
		const issued = await issueToSegmentForm(form, merchant.id)
		if (issued.ok) await logAction({ actorId: merchant.id, action: 'coupons.issueSegment', targetType: 'coupon', targetId: String(form.get('templateId') ?? ''), detail: { segmentId: String(form.get('segmentId') ?? ''), members: issued.members, issued: issued.issued } })
		return data({ intent: 'issueSegment' as const, ...issued }, { status: issued.ok ? 200 : 400 })
	}
	throw new Response('Unknown form', { status: 400 })
}

export default function ConsoleCouponsPage() {
	const { templates, options, segments, auto, editing, issueId } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const [params] = useSearchParams()
	const t = useT()
	const done = result ? null : params.get('done')
	const activeAuto = (auto: 'birthday' | 'winback') => templates.find((tpl) => tpl.active && tpl.auto === auto)?.name ?? null
	return (
		<div className="coupons-console">
			<div className="page-head">
				<h1>{t('coupons.title')}</h1>
				<Link to="/console/tiers" className="button button-quiet">{t('tiers.consoleLink')}</Link>
			</div>
			<p className="muted">{t('coupons.intro')}</p>

			<section className="card" aria-labelledby="templates-title">
				<h2 id="templates-title">{t('coupons.templates')}</h2>
				{done === 'template' ? <p className="form-success" role="status">{t('coupons.templateSaved')}</p> : null}
				<CouponTemplatesTable templates={templates} />
			</section>

			<section className="card" aria-labelledby="template-form-title">
				<h2 id="template-form-title">{t(editing ? 'coupons.editTemplate' : 'coupons.newTemplate')}</h2>
				<CouponTemplateForm key={editing?.id ?? 'new'} editing={editing} failure={result?.intent === 'template' ? result : undefined} />
			</section>

			<div className="coupon-issue-grid">
				<section className="card" aria-labelledby="issue-member-title">
					<h2 id="issue-member-title">{t('coupons.issueMember')}</h2>
					<IssueToMemberForm templates={options} issueId={issueId} result={result?.intent === 'issueMember' ? result : undefined} />
				</section>
				<section className="card" aria-labelledby="issue-segment-title">
					<h2 id="issue-segment-title">{t('coupons.issueSegment')}</h2>
					<IssueToSegmentForm templates={options} segments={segments} issueId={issueId} result={result?.intent === 'issueSegment' ? result : undefined} />
				</section>
			</div>

			<section className="card" aria-labelledby="auto-title">
				<h2 id="auto-title">{t('coupons.auto')}</h2>
				{done === 'auto' ? <p className="form-success" role="status">{t('coupons.autoSaved')}</p> : null}
				<CouponAutoForm settings={auto} birthday={activeAuto('birthday')} winback={activeAuto('winback')} failure={result?.intent === 'auto' ? result : undefined} />
			</section>
		</div>
	)
}
