import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { ROOM_TIME } from '#app/components/live/room-card.tsx'
import { RoomForm } from '#app/components/live/room-form.tsx'
import { RoomSummaryView } from '#app/components/live/room-summary.tsx'
import { MediaImage } from '#app/components/posts/media-gallery.tsx'
import { hasRole } from '#app/domain/accounts/roles.ts'
import { getRoomForEdit } from '#app/domain/live/room-cards.server.ts'
import { saveRoomFromForm } from '#app/domain/live/room-form.server.ts'
import { listHostChoices, requireRoomScheduler } from '#app/domain/live/room-hosts.server.ts'
import { roomSummary } from '#app/domain/live/summary.server.ts'
import { listProductChoices } from '#app/domain/posts/products.server.ts'
import { listSegmentOptions } from '#app/domain/segments/segments.server.ts'
import { getEnv } from '#app/lib/env.server.ts'
import { invariantResponse } from '#app/lib/http.ts'
import { useDateFormat } from '#app/lib/i18n/format.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'liveConsole.title')

export async function loader(args: LoaderFunctionArgs) {
	const actor = await requireRoomScheduler(args)
	const room = await getRoomForEdit(args.params.id!, actor)
	invariantResponse(room, 'liveConsole.error.notFound', { status: 404 })
	const merchant = hasRole(actor.role, 'merchant')
	const [shelf, hosts, summary, segments] = await Promise.all([
		listProductChoices(),
		merchant ? listHostChoices() : null,
		room.status === 'scheduled' ? null : roomSummary(room.id),
		merchant ? listSegmentOptions() : [],
	])
	// A featured product taken off sale since stays choosable in its own room.
	const products = [...room.products.filter((p) => !shelf.some((s) => s.id === p.id)), ...shelf]
	return { room, products, hosts, summary, segments, actorId: actor.id, origins: getEnv().LIVE_STREAM_ORIGINS }
}

export async function action(args: ActionFunctionArgs) {
	const actor = await requireRoomScheduler(args)
	const saved = await saveRoomFromForm(args.request, actor, args.params.id!)
	if (!saved.ok) return data(saved, { status: saved.status })
	return redirect(`/console/live/${saved.id}?saved=1`)
}

export default function ConsoleRoomPage() {
	const t = useT()
	const { room, products, hosts, summary, segments, actorId, origins } = useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>()
	const [params] = useSearchParams()
	const when = useDateFormat(ROOM_TIME)
	return (
		<>
			<p><Link to="/console/live">← {t('liveConsole.title')}</Link></p>
			<section className="card stack room-head" aria-labelledby="page-title">
				<div className="room-head-text">
					<h1 id="page-title">{room.title}</h1>
					<p>
						<span className={`tag room-status-${room.status}`}>{t(`liveConsole.status.${room.status}`)}</span>{' '}
						<time dateTime={room.startsAt}>{when.format(new Date(room.startsAt))} UTC</time> · {t('liveList.host', { name: room.host.displayName })}
					</p>
					<p><Link to={`/live/${room.id}`}>{t('liveConsole.openRoom')}</Link></p>
				</div>
				{room.cover ? <span className="room-head-cover"><MediaImage media={room.cover} alt={t('liveConsole.field.cover')} sizes="200px" /></span> : null}
				{params.get('saved') && !failure ? <p className="form-success" role="status">{t('liveConsole.saved')}</p> : null}
			</section>
			{summary ? <RoomSummaryView summary={summary} /> : null}
			<section className="card" aria-labelledby="edit-title">
				<h2 id="edit-title">{t('liveConsole.editTitle')}</h2>
				{room.status === 'ended' ? <p className="muted">{t('liveConsole.readOnly')}</p> : (
					<RoomForm room={room} products={products} hosts={hosts} defaultHostId={actorId} origins={origins} segments={segments} failure={failure} submitLabel={t('liveConsole.save')} />
				)}
			</section>
		</>
	)
}
