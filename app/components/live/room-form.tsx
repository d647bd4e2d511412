import { Form, useNavigation } from '@remix-run/react'
import { useId, type TextareaHTMLAttributes } from 'react'
import { AudienceSelect, type SegmentOption } from '#app/components/segments/audience-select.tsx'
import { Field, FormAlert, SelectField } from '#app/components/ui/field.tsx'
import { useFormFailure } from '#app/components/ui/use-form-failure.ts'
import { MAX_ROOM_DESCRIPTION, MAX_ROOM_PRODUCTS, MAX_ROOM_TITLE, toStartInput } from '#app/domain/live/room-schema.ts'
import { ACCEPT_PHOTOS } from '#app/domain/media/limits.ts'
import type { FormFailure } from '#app/lib/forms.ts'
import type { Params } from '#app/lib/i18n/index.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import { RoomProductPicker } from './room-product-picker.tsx'

export type RoomFormFailure = FormFailure & { fieldParams?: Record<string, Params> }
type Choice = { id: string; name: string }
type Room = { title: string; description: string; status: string; startsAt: string; streamUrl: string; host: { id: string; displayName: string }; products: Choice[]; moderators: string[]; segmentId?: string | null }
type Props = {
	room?: Room
	products: Choice[]
	/** Who the merchant may pick as host; null for a super-user, who hosts their own rooms. */
	hosts: { id: string; displayName: string }[] | null
	defaultHostId: string
	origins: string[]
	failure?: RoomFormFailure
	submitLabel: string
	/** The merchant's choice of audience; empty for a super-user (the field is not shown). */
	segments?: SegmentOption[]
}

/** The console's form to schedule a room or change one; a started room keeps its time, stream and host. */
export function RoomForm({ room, products, hosts, defaultHostId, origins, failure, submitLabel, segments = [] }: Props) {
	const t = useT()
	const { formError, value } = useFormFailure(failure)
	const err = (field: string) => {
		const key = failure?.fieldErrors[field]
		return key ? t(key, failure?.fieldParams?.[field]) : undefined
	}
	const busy = useNavigation().state === 'submitting'
	const open = !room || room.status === 'scheduled'
	return (
		<Form method="post" encType="multipart/form-data" noValidate className="stack room-form">
			<FormAlert message={formError} />
			<Field label={t('liveConsole.field.title')} name="title" required maxLength={MAX_ROOM_TITLE} defaultValue={value('title') ?? room?.title} error={err('title')} />
			<TextArea label={t('liveConsole.field.description')} name="description" rows={3} maxLength={MAX_ROOM_DESCRIPTION} defaultValue={value('description') ?? room?.description} error={err('description')} />
			{open ? (
				<>
					<div className="field-row room-when">
						<Field label={t('liveConsole.field.startsAt')} name="startsAt" type="datetime-local" required defaultValue={value('startsAt') ?? (room ? toStartInput(room.startsAt) : '')} error={err('startsAt')} />
						{hosts ? (
							<SelectField label={t('liveConsole.field.host')} name="hostId" defaultValue={value('hostId') ?? room?.host.id ?? defaultHostId} error={err('hostId')}>
								{hosts.map((h) => <option key={h.id} value={h.id}>{h.displayName}</option>)}
							</SelectField>
						) : (
							<p className="field-hint room-host-self">{t('liveConsole.field.hostSelf')}</p>
						)}
					</div>
					<Field
						label={t('liveConsole.field.streamUrl')}
						name="streamUrl"
						required
						inputMode="url"
						placeholder="https://…/index.m3u8"
						defaultValue={value('streamUrl') ?? room?.streamUrl}
						hint={origins.length ? t('liveConsole.field.streamOrigins', { origins: origins.join(', ') }) : t('liveConsole.field.streamHint')}
						error={err('streamUrl')}
					/>
				</>
			) : (
				<p className="field-hint">{t('liveConsole.locked')}</p>
			)}
			<RoomProductPicker
				products={products}
				featured={room?.products.map((p) => p.id) ?? []}
				kept={failure ? { ids: (value('productIds') ?? '').split(',').filter(Boolean), order: (id) => value(`order.${id}`) } : null}
				max={MAX_ROOM_PRODUCTS}
				error={err('productIds')}
			/>
			<AudienceSelect segments={segments} defaultValue={value('segmentId') ?? room?.segmentId} error={err('segmentId')} />
			<TextArea label={t('liveConsole.field.moderators')} name="moderators" rows={2} hint={t('liveConsole.field.moderatorsHint')} defaultValue={value('moderators') ?? room?.moderators.join('\n')} error={err('moderators')} />
			<Field label={t('liveConsole.field.cover')} name="photos" type="file" accept={ACCEPT_PHOTOS} hint={t('liveConsole.field.coverHint')} error={err('cover')} />
			<button type="submit" className="button button-primary" disabled={busy}>{busy ? t('liveConsole.sending') : submitLabel}</button>
		</Form>
	)
}

function TextArea({ label, hint, error, ...props }: { label: string; hint?: string; error?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
	const id = useId()
	const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
	return (
		<div className="field">
			<label htmlFor={id}>{label}</label>
			<textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={described} {...props} />
			{hint ? <p id={`${id}-hint`} className="field-hint">{hint}</p> : null}
			{error ? <p id={`${id}-error`} className="field-error" role="alert">{error}</p> : null}
		</div>
	)
}
