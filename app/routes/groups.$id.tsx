import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { GroupChat } from '#app/components/groups/group-chat.tsx'
import { GroupDeals } from '#app/components/groups/group-deals.tsx'
import { GroupHeader } from '#app/components/groups/group-header.tsx'
import { PostList } from '#app/components/posts/post-list.tsx'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { listGroupDeals } from '#app/domain/groups/deals-read.server.ts'
import { getGroupPage } from '#app/domain/groups/groups.server.ts'
import { leaveGroup, requestToJoin } from '#app/domain/groups/members.server.ts'
import { listGroupPosts } from '#app/domain/posts/queries.server.ts'
import { invariantResponse } from '#app/lib/http.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `${d.page.group.name} · Quanzi` : 'Quanzi' }]

const TABS = ['feed', 'chat', 'deals'] as const
type Tab = (typeof TABS)[number]

export async function loader({ params, request, context }: LoaderFunctionArgs) {
	const page = await getGroupPage(params.id!, context.user)
	invariantResponse(page, 'groups.error.notFound', { status: 404 })
	const url = new URL(request.url)
	const tab: Tab = TABS.find((t) => t === url.searchParams.get('tab')) ?? 'feed'
	// An invite-only group's feed, chat and deals are its members' only: nothing is loaded for anyone else.
	const [posts, deals] = page.canRead
		? await Promise.all([tab === 'feed' ? listGroupPosts(page.group.id, context.user, { cursor: url.searchParams.get('cursor') }) : null, tab === 'deals' ? listGroupDeals(page.group.id, context.user) : null])
		: [null, null]
	return { page, tab, posts, deals, signedIn: Boolean(context.user) }
}

const ActionSchema = z.object({ intent: z.enum(['request', 'leave']) })

export async function action(args: ActionFunctionArgs) {
	const user = requireUser(args)
	const parsed = ActionSchema.safeParse(Object.fromEntries(await args.request.formData()))
	if (!parsed.success) return data({ ok: false as const, error: 'page.badRequestTitle' as MessageKey, params: undefined }, { status: 400 })
	const groupId = args.params.id!
	const result = parsed.data.intent === 'request' ? await requestToJoin(groupId, user) : await leaveGroup(groupId, user)
	if (!result.ok) return data({ ok: false as const, error: result.error, params: result.params }, { status: result.status ?? 400 })
	return { ok: true as const, done: parsed.data.intent }
}

export default function GroupPage() {
	const t = useT()
	const location = useLocation()
	const [search] = useSearchParams()
	const { page, tab, posts, deals, signedIn } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const { group, standing, canRead, announcement, roomId } = page
	const member = standing.role !== null
	const loginHref = `/login?redirectTo=${encodeURIComponent(location.pathname)}`
	return (
		<article className="group-page" aria-labelledby="page-title">
			<p><Link to="/groups">← {t('groups.title')}</Link></p>
			{search.get('created') ? <p className="form-success" role="status">{t('groups.created')}</p> : null}
			{search.get('joined') ? <p className="form-success" role="status">{t('groups.joined', { name: group.name })}</p> : null}
			<GroupHeader group={group}>
				{!signedIn ? (
					<a className="button button-primary" href={loginHref}>{t('groups.loginToJoin')}</a>
				) : member ? (
					<>
						{standing.manages ? <Link className="button button-primary" to={`/groups/${group.id}/manage`}>{t('groups.manage')}</Link> : null}
						{standing.role !== 'leader' ? (
							<Form method="post">
								<button className="button button-quiet" name="intent" value="leave">{t('groups.leave')}</button>
							</Form>
						) : null}
					</>
				) : standing.requested || (result?.ok && result.done === 'request') ? (
					<p className="muted" role="status">{t('groups.requestSent')}</p>
				) : (
					<>
						{standing.staff ? <Link className="button button-quiet" to={`/groups/${group.id}/manage`}>{t('groups.manage')}</Link> : null}
						<Form method="post">
							<button className="button button-primary" name="intent" value="request" disabled={group.memberCount >= group.memberCap}>
								{group.memberCount >= group.memberCap ? t('groups.full') : t('groups.askToJoin')}
							</button>
						</Form>
					</>
				)}
			</GroupHeader>
			{result && !result.ok ? <p className="field-error" role="alert">{t(result.error, result.params)}</p> : null}
			{announcement ? (
				<aside className="group-announcement" aria-label={t('groups.announcement')}>
					<strong>📌 {t('groups.announcement')}</strong>
					<p>{announcement.text}</p>
				</aside>
			) : null}
			{!canRead ? (
				<p className="post-status">{t('groups.inviteOnly')}</p>
			) : (
				<>
					<nav className="tabs" aria-label={t('groups.sections')}>
						{TABS.map((name) => (
							<Link key={name} to={`?tab=${name}`} className={name === tab ? 'tab active' : 'tab'} aria-current={name === tab ? 'page' : undefined}>
								{t(`groups.tab.${name}`)}
							</Link>
						))}
					</nav>
					{tab === 'feed' && posts ? (
						<>
							{member ? <p><Link className="button button-primary" to={`/posts/new?group=${group.id}`}>{t('groups.write')}</Link></p> : null}
							<PostList items={posts.items} empty={t('groups.feedEmpty')} nextHref={posts.nextCursor ? `?tab=feed&cursor=${posts.nextCursor}` : null} />
						</>
					) : null}
					{tab === 'chat' ? roomId ? <GroupChat roomId={roomId} /> : <p className="post-status">{t('groups.chatMembersOnly')}</p> : null}
					{tab === 'deals' && deals ? <GroupDeals deals={deals} groupId={group.id} canOpen={standing.manages} /> : null}
				</>
			)}
		</article>
	)
}
