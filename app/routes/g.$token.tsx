import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { GroupHeader } from '#app/components/groups/group-header.tsx'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { getGroupPage } from '#app/domain/groups/groups.server.ts'
import { joinByInvite, readInvite } from '#app/domain/groups/members.server.ts'
import { invariantResponse } from '#app/lib/http.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d?.page ? `${d.page.group.name} · Quanzi` : 'Quanzi' }]

/** An invite link: shows the group it leads to (or why it no longer works) and joins on one press. */
export async function loader({ params, context }: LoaderFunctionArgs) {
	const invite = await readInvite(params.token!)
	if (!invite.ok) return data({ page: null, error: invite.error }, { status: invite.status ?? 404 })
	const page = await getGroupPage(invite.groupId, context.user)
	invariantResponse(page, 'groups.error.notFound', { status: 404 })
	if (page.standing.role) throw redirect(`/groups/${page.group.id}`)
	return { page, error: null, signedIn: Boolean(context.user) }
}

export async function action(args: ActionFunctionArgs) {
	const user = requireUser(args)
	const result = await joinByInvite(args.params.token!, user)
	if (!result.ok) return data({ error: result.error, params: result.params }, { status: result.status ?? 400 })
	return redirect(`/groups/${result.groupId}?joined=1`)
}

export default function InvitePage() {
	const t = useT()
	const location = useLocation()
	const loaded = useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>()
	if (!loaded.page) {
		return (
			<section className="card" aria-labelledby="page-title">
				<h1 id="page-title">{t('groups.invite.title')}</h1>
				<p className="post-status" role="alert">{t(loaded.error)}</p>
				<p><a href="/groups">{t('groups.title')}</a></p>
			</section>
		)
	}
	const { group } = loaded.page
	return (
		<section aria-labelledby="page-title" className="group-page">
			<p className="muted">{t('groups.invite.lead')}</p>
			<GroupHeader group={group}>
				{'signedIn' in loaded && loaded.signedIn ? (
					<Form method="post">
						<button className="button button-primary" disabled={group.memberCount >= group.memberCap}>
							{group.memberCount >= group.memberCap ? t('groups.full') : t('groups.invite.join', { name: group.name })}
						</button>
					</Form>
				) : (
					<a className="button button-primary" href={`/login?redirectTo=${encodeURIComponent(location.pathname)}`}>{t('groups.invite.login')}</a>
				)}
			</GroupHeader>
			{failure ? <p className="field-error" role="alert">{t(failure.error, failure.params)}</p> : null}
		</section>
	)
}
