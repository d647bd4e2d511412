import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData, useRouteLoaderData, useSearchParams } from '@remix-run/react'
import { SuperUserBadge } from '#app/components/groups/superuser-badge.tsx'
import { PostList } from '#app/components/posts/post-list.tsx'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { superUserBadge } from '#app/domain/groups/superusers.server.ts'
import { follow, isFollowing, unfollow } from '#app/domain/posts/engagement.server.ts'
import { getMemberCard } from '#app/domain/posts/members.server.ts'
import { listMemberPosts } from '#app/domain/posts/queries.server.ts'
import { invariantResponse } from '#app/lib/http.ts'
import { useT } from '#app/lib/i18n/use-t.ts'
import type { RootData } from '#app/root.tsx'

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `${d.member.displayName} · Quanzi` : 'Quanzi' }]

export async function loader({ params, request, context }: LoaderFunctionArgs) {
	const member = await getMemberCard(params.id!)
	invariantResponse(member, 'member.error.notFound', { status: 404 })
	const cursor = new URL(request.url).searchParams.get('cursor')
	const [posts, following, badge] = await Promise.all([
		listMemberPosts(member.id, context.user, { cursor }),
		context.user ? isFollowing(context.user.id, member.id) : false,
		superUserBadge(member.id),
	])
	return { member, following, badge, ...posts }
}

export async function action(args: ActionFunctionArgs) {
	const user = requireUser(args)
	const intent = (await args.request.formData()).get('intent')
	if (intent === 'unfollow') {
		await unfollow(user.id, args.params.id!)
		return { ok: true }
	}
	const result = await follow(user.id, args.params.id!)
	return data(result, { status: result.ok ? 200 : 400 })
}

export default function MemberPage() {
	const t = useT()
	const { member, following, badge, items, nextCursor } = useLoaderData<typeof loader>()
	const user = useRouteLoaderData<RootData>('root')?.user
	const [params] = useSearchParams()
	return (
		<>
			{params.get('deleted') ? <p className="form-success" role="status">{t('post.deleted')}</p> : null}
			<section className="profile-head" aria-labelledby="page-title">
				<span className="avatar" aria-hidden="true">{member.displayName.slice(0, 1)}</span>
				<div>
					<h1 id="page-title">{member.displayName}</h1>
					{badge ? <SuperUserBadge profileLine={badge.profileLine} /> : null}
					<p className="muted">
						{t('member.followers', { count: member.followers })}
						{member.banned ? ` · ${t('member.banned')}` : ''}
					</p>
				</div>
				{user && user.id !== member.id ? (
					<Form method="post" className="member-follow">
						<button type="submit" name="intent" value={following ? 'unfollow' : 'follow'} className={`button ${following ? 'button-quiet' : 'button-primary'}`} aria-pressed={following}>
							{t(following ? 'member.unfollow' : 'member.follow')}
						</button>
					</Form>
				) : null}
			</section>
			<section aria-labelledby="posts-title">
				<h2 id="posts-title">{t('member.posts')}</h2>
				<PostList items={items} empty={t('member.empty')} nextHref={nextCursor ? `?cursor=${nextCursor}` : null} />
			</section>
		</>
	)
}
