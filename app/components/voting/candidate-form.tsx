import { Form, useNavigation } from '@remix-run/react'
import { Field, FormAlert, SelectField } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import { ACCEPT_PHOTOS } from '#app/domain/media/limits.ts'
import { MAX_DESCRIPTION, MAX_TITLE } from '#app/domain/voting/schemas.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

type Candidate = { title: string; description: string; roundId: string | null; targetPriceCents: number | null; depositCents: number | null; variants: string[]; selectAt: number | null }

const yuan = (cents: number | null | undefined) => (cents ? (cents / 100).toFixed(2) : '')

/** The merchant's form for an idea: what members vote on, its round, options and threshold. */
export function CandidateForm({ rounds, candidate, failure, submitLabel }: { rounds: { id: string; title: string }[]; candidate?: Candidate; failure: Parameters<typeof useFormFailure>[0]; submitLabel: string }) {
	const t = useT()
	const { fieldError: err, formError, value } = useFormFailure(failure)
	const busy = useNavigation().state === 'submitting'
	return (
		<Form method="post" encType="multipart/form-data" noValidate className="stack">
			<FormAlert message={formError} />
			<Field label={t('console.roundTitle')} name="title" maxLength={MAX_TITLE} required defaultValue={value('title') ?? candidate?.title} error={err('title')} />
			<div className="field">
				<label htmlFor="candidate-description">{t('vote.field.description')}</label>
				<textarea id="candidate-description" name="description" rows={3} maxLength={MAX_DESCRIPTION} defaultValue={value('description') ?? candidate?.description} />
			</div>
			<SelectField label={t('console.candidateRound')} name="roundId" defaultValue={value('roundId') ?? candidate?.roundId ?? rounds[0]?.id ?? ''} error={err('roundId')}>
				<option value="">{t('console.candidateNoRound')}</option>
				{rounds.map((r) => <option key={r.id} value={r.id}>{r.title}</option>)}
			</SelectField>
			<div className="field-row">
				<Field label={t('console.candidatePrice')} name="targetPrice" inputMode="decimal" defaultValue={value('targetPrice') ?? yuan(candidate?.targetPriceCents)} error={err('targetPrice')} />
				<Field label={t('console.candidateDeposit')} name="deposit" inputMode="decimal" defaultValue={value('deposit') ?? yuan(candidate?.depositCents)} error={err('deposit')} />
			</div>
			<Field label={t('console.candidateVariants')} name="variants" defaultValue={value('variants') ?? candidate?.variants.join(', ')} error={err('variants')} />
			<Field label={t('console.candidateSelectAt')} name="selectAt" inputMode="numeric" defaultValue={value('selectAt') ?? (candidate?.selectAt ? String(candidate.selectAt) : '')} error={err('selectAt')} />
			<Field label={t('product.photos')} name="photos" type="file" accept={ACCEPT_PHOTOS} multiple />
			<button type="submit" className="button button-primary" disabled={busy}>{busy ? t('compose.sending') : submitLabel}</button>
		</Form>
	)
}
