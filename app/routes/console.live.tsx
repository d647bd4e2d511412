import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { RoomForm } from '#app/components/live/room-form.tsx'
import { requireRole } from '#app/domain/accounts/auth.server.ts'
import { hasRole } from '#app/domain/accounts/roles.ts'
import { ROOM_TIME } from '#app/components/live/room-card.tsx'
import { listConsoleRooms } from '#app/domain/live/room-cards.server.ts'
import { saveRoomFromForm } from '#app/domain/live/room-form.server.ts'
import { listHostChoices, requireRoomScheduler, setLiveHosts } from '#app/domain/live/room-hosts.server.ts'
import { listProductChoices } from '#app/domain/posts/products.server.ts'
import { listSegmentOptions } from '#app/domain/segments/segments.server.ts'
import { getEnv } from '#app/lib/env.server.ts'
import { useDateFormat } from '#app/lib/i18n/format.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'liveConsole.title')

export async function loader(args: LoaderFunctionArgs) {
	const actor = await requireRoomScheduler(args)
	const merchant = hasRole(actor.role, 'merchant')
	const [rooms, products, hosts, segments] = await Promise.all([
		listConsoleRooms(actor),
		listProductChoices(),
		merchant ? listHostChoices() : null,
		merchant ? listSegmentOptions() : [],
	])
	return { rooms, products, hosts, segments, actorId: actor.id, origins: getEnv().LIVE_STREAM_ORIGINS }
}

export async function action(args: ActionFunctionArgs) {
	const actor = await requireRoomScheduler(args)
	if (args.request.headers.get('content-type')?.startsWith('multipart/form-data')) {
		const saved = await saveRoomFromForm(args.request, actor)
		if (!saved.ok) return data({ ...saved, intent: 'room' as const }, { status: saved.status })
		return redirect(`/console/live/${saved.id}?saved=1`)
	}
	// The list of hosts is the merchant's alone to change.
	const staff = requireRole(args, 'merchant')
	const form = await args.request.formData()
	await setLiveHosts(staff.id, form.getAll('hostIds').filter((v): v is string => typeof v === 'string'))
	return { ok: true as const, intent: 'hosts' as const }
}

export default function ConsoleLivePage() {
	const t = useT()
	const { rooms, products, hosts, segments, actorId, origins } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const when = useDateFormat(ROOM_TIME)
	const superusers = hosts?.filter((h) => h.role === 'superuser') ?? []
	return (
		<>
			<section aria-labelledby="page-title">
				<h1 id="page-title">{t('liveConsole.title')}</h1>
				<p className="muted">{t('liveConsole.intro')}</p>
				<h2>{t('liveConsole.rooms')}</h2>
				{rooms.length === 0 ? <p className="muted">{t('liveConsole.roomsEmpty')}</p> : (
					<div className="table-wrap">
						<table>
							<thead>
								<tr>
									<th scope="col">{t('liveConsole.col.title')}</th>
									<th scope="col">{t('liveConsole.col.status')}</th>
									<th scope="col">{t('liveConsole.col.starts')}</th>
									<th scope="col">{t('liveConsole.col.subscribers')}</th>
									<th />
								</tr>
							</thead>
							<tbody>
								{rooms.map((r) => (
									<tr key={r.id}>
										<td className="room-col-title">
											<Link to={`/live/${r.id}`}>{r.title}</Link>
											<span className="muted">{t('liveList.host', { name: r.host })}</span>
											{r.audience ? <span className="tag audience-tag">{t('audience.for', { name: r.audience })}</span> : null}
										</td>
										<td><span className={`tag room-status-${r.status}`}>{t(`liveConsole.status.${r.status}`)}</span></td>
										<td><time dateTime={r.startsAt}>{when.format(new Date(r.startsAt))}</time></td>
										<td>{r.subscribers}</td>
										<td><Link to={`/console/live/${r.id}`}>{r.status === 'scheduled' ? t('liveConsole.edit') : t('liveConsole.summaryLink')}</Link></td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
			</section>
			<section className="card" aria-labelledby="new-room">
				<h2 id="new-room">{t('liveConsole.new')}</h2>
				<RoomForm
					products={products}
					hosts={hosts}
					defaultHostId={actorId}
					origins={origins}
					segments={segments}
					failure={result && !result.ok ? result : undefined}
					submitLabel={t('liveConsole.create')}
				/>
			</section>
			{hosts ? (
				<section className="card" aria-labelledby="hosts-title">
					<h2 id="hosts-title">{t('liveConsole.hostsTitle')}</h2>
					<p className="muted">{t('liveConsole.hostsIntro')}</p>
					{result?.ok ? <p className="form-success" role="status">{t('liveConsole.hostsSaved')}</p> : null}
					{superusers.length === 0 ? <p className="muted">{t('liveConsole.hostsEmpty')}</p> : (
						<Form method="post" className="stack">
							<ul className="host-list">
								{superusers.map((h) => (
									<li key={h.id}>
										<label className="check">
											<input type="checkbox" name="hostIds" value={h.id} defaultChecked={h.allowed} />
											<span>{h.displayName} <span className="muted">{h.email}</span></span>
										</label>
									</li>
								))}
							</ul>
							<button type="submit" className="button button-quiet host-save">{t('liveConsole.hostsSave')}</button>
						</Form>
					)}
				</section>
			) : null}
		</>
	)
}
