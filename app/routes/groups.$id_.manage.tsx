import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { GroupForm } from '#app/components/groups/group-form.tsx'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { saveGroupFromForm } from '#app/domain/groups/group-form.server.ts'
import { getGroupPage } from '#app/domain/groups/groups.server.ts'
import { handleManageAction } from '#app/domain/groups/manage-actions.server.ts'
import { listInvites, listMembers, listRequests } from '#app/domain/groups/members.server.ts'
import { listGroupQueue } from '#app/domain/groups/moderation.server.ts'
import { MAX_ANNOUNCEMENT } from '#app/domain/groups/schemas.ts'
import { invariantResponse } from '#app/lib/http.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { useDateFormat } from '#app/lib/i18n/format.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `${d.page.group.name} · Quanzi` : 'Quanzi' }]

export async function loader(args: LoaderFunctionArgs) {
	const user = requireUser(args)
	const page = await getGroupPage(args.params.id!, user)
	invariantResponse(page, 'groups.error.notFound', { status: 404 })
	invariantResponse(page.standing.manages, 'groups.error.managersOnly', { status: 403 })
	const groupId = page.group.id
	const [requests, invites, members, queue] = await Promise.all([listRequests(groupId), listInvites(groupId), listMembers(groupId), listGroupQueue(groupId)])
	return { page, requests, invites, members, queue, origin: new URL(args.request.url).origin, me: user.id }
}

export async function action(args: ActionFunctionArgs) {
	const user = requireUser(args)
	const groupId = args.params.id!
	// The group's own settings come as a multipart form (the cover photo); every other tool as a plain one.
	if (args.request.headers.get('content-type')?.startsWith('multipart/form-data')) {
		const saved = await saveGroupFromForm(args.request, user, groupId)
		if (!saved.ok) return data({ ok: false as const, form: saved }, { status: saved.status ?? 400 })
		return redirect(`/groups/${groupId}/manage?saved=1`)
	}
	const result = await handleManageAction(user, groupId, await args.request.formData())
	return result.ok ? result : data({ ...result, form: null }, { status: result.status })
}

export default function ManageGroupPage() {
	const t = useT()
	const when = useDateFormat({ dateStyle: 'medium' })
	const { page, requests, invites, members, queue, origin, me } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const { group, standing } = page
	const leads = standing.staff || standing.role === 'leader'
	const button = (intent: string, label: string, fields: Record<string, string>, className = 'button button-quiet') => (
		<Form method="post" className="inline-form">
			{Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
			<button className={className} name="intent" value={intent}>{label}</button>
		</Form>
	)
	return (
		<section className="group-manage" aria-labelledby="page-title">
			<p><Link to={`/groups/${group.id}`}>← {group.name}</Link></p>
			<h1 id="page-title">{t('groups.manageTitle', { name: group.name })}</h1>
			{result && 'error' in result ? <p className="field-error" role="alert">{t(result.error, result.params)}</p> : null}
			{result && 'intent' in result && result.ok ? <p className="form-success" role="status">{t('groups.done')}</p> : null}

			<section className="card" aria-labelledby="requests-title">
				<h2 id="requests-title">{t('groups.requests', { count: requests.length })}</h2>
				{requests.length === 0 ? <p className="muted">{t('groups.requestsEmpty')}</p> : null}
				<ul className="manage-list">
					{requests.map((r) => (
						<li key={r.id}>
							<span>{r.displayName} <span className="muted">{when.format(new Date(r.createdAt))}</span></span>
							<span className="manage-actions">
								{button('approve', t('groups.approve'), { userId: r.id }, 'button button-primary')}
								{button('decline', t('groups.decline'), { userId: r.id })}
							</span>
						</li>
					))}
				</ul>
			</section>

			<section className="card" aria-labelledby="invites-title">
				<h2 id="invites-title">{t('groups.invites')}</h2>
				<p className="muted">{t('groups.invitesHint')}</p>
				{button('invite', t('groups.newInvite'), {}, 'button button-primary')}
				<ul className="manage-list">
					{invites.map((i) => (
						<li key={i.id}>
							<span className="invite-link">
								<input readOnly aria-label={t('groups.inviteLink')} value={`${origin}/g/${i.token}`} onFocus={(e) => e.currentTarget.select()} />
								<span className="muted">{i.revokedAt ? t('groups.inviteRevoked') : t('groups.inviteUses', { count: i.uses })}</span>
							</span>
							{i.revokedAt ? null : button('revoke', t('groups.revoke'), { inviteId: i.id })}
						</li>
					))}
				</ul>
			</section>

			<section className="card" aria-labelledby="announce-title">
				<h2 id="announce-title">{t('groups.announcement')}</h2>
				<Form method="post" className="stack">
					<label htmlFor="f-announcement" className="visually-hidden">{t('groups.announcement')}</label>
					<textarea id="f-announcement" name="announcement" rows={3} maxLength={MAX_ANNOUNCEMENT} defaultValue={page.announcement?.text ?? ''} />
					<p className="field-hint">{t('groups.announcementHint')}</p>
					<button className="button button-primary" name="intent" value="announce">{t('groups.pinAnnouncement')}</button>
				</Form>
			</section>

			<section className="card" aria-labelledby="queue-title">
				<h2 id="queue-title">{t('groups.queue', { count: queue.length })}</h2>
				{queue.length === 0 ? <p className="muted">{t('groups.queueEmpty')}</p> : null}
				<ul className="manage-list">
					{queue.map((item) => (
						<li key={item.postId}>
							<span>
								<a href={`/posts/${item.postId}`}>{item.author.displayName}</a>: {item.body}
								<span className="muted"> · {item.reasons.map((r) => (r.startsWith('report:') ? `${t('console.reason.report')}: ${t(`report.reason.${r.slice(7)}` as MessageKey)}` : t(`console.reason.${r}` as MessageKey))).join(', ')}</span>
							</span>
							<span className="manage-actions">
								{button('decide', t('groups.keep'), { postId: item.postId, decision: 'approve' })}
								{button('decide', t('groups.hide'), { postId: item.postId, decision: 'hide' }, 'button button-danger')}
							</span>
						</li>
					))}
				</ul>
			</section>

			<section className="card" aria-labelledby="members-title">
				<h2 id="members-title">{t('groups.membersTitle', { count: group.memberCount, cap: group.memberCap })}</h2>
				<ul className="manage-list">
					{members.map((m) => (
						<li key={m.id}>
							<span>
								{m.displayName} {m.role !== 'member' ? <span className="tag">{t(`groups.role.${m.role}`)}</span> : null}
							</span>
							{m.role === 'leader' || m.id === me ? null : (
								<span className="manage-actions">
									{leads ? button(m.role === 'helper' ? 'unhelper' : 'helper', m.role === 'helper' ? t('groups.unhelper') : t('groups.makeHelper'), { userId: m.id }) : null}
									{button('remove', t('groups.remove'), { userId: m.id }, 'button button-danger')}
								</span>
							)}
						</li>
					))}
				</ul>
			</section>

			{leads ? (
				<section className="card" aria-labelledby="settings-title">
					<h2 id="settings-title">{t('groups.settings')}</h2>
					<GroupForm saved={group} failure={result && 'form' in result && result.form ? result.form : undefined} submitLabel={t('groups.form.save')} />
				</section>
			) : null}
		</section>
	)
}
