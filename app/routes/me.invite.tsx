import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useState } from 'react'
import { EmptyState } from '#app/components/empty-state.tsx'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { inviteTree, type InviteNode } from '#app/domain/referrals/attribution.server.ts'
import { getReferralCode } from '#app/domain/referrals/links.server.ts'
import { getEnv } from '#app/lib/env.server.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'invite.title')

export async function loader(args: LoaderFunctionArgs) {
	const user = requireUser(args)
	const [code, tree] = await Promise.all([getReferralCode(user.id), inviteTree(user.id)])
	return { link: `${getEnv().PUBLIC_URL}/r/${code}`, tree }
}

export default function InvitePage() {
	const { link, tree } = useLoaderData<typeof loader>()
	const t = useT()
	const [copied, setCopied] = useState(false)
	return (
		<div className="invite">
			<section className="card" aria-labelledby="page-title">
				<h1 id="page-title">{t('invite.title')}</h1>
				<p className="muted">{t('invite.intro')}</p>
				<label className="field">
					<span>{t('invite.linkLabel')}</span>
					<input readOnly value={link} onFocus={(e) => e.currentTarget.select()} data-testid="invite-link" />
				</label>
				<button
					type="button"
					className="button button-primary"
					onClick={() => void navigator.clipboard?.writeText(link).then(() => setCopied(true))}
				>
					{copied ? t('invite.copied') : t('invite.copy')}
				</button>
			</section>
			<section className="card" aria-labelledby="friends-title">
				<h2 id="friends-title">{t('invite.friendsTitle')}</h2>
				{tree.length === 0 ? <EmptyState icon="groups">{t('invite.friendsEmpty')}</EmptyState> : <Tree nodes={tree} />}
			</section>
		</div>
	)
}

function Tree({ nodes }: { nodes: InviteNode[] }) {
	const t = useT()
	return (
		<ul className="invite-tree">
			{nodes.map((n) => (
				<li key={n.memberId}>
					<span className="invite-name">{n.displayName}</span>
					{n.children.length > 0 ? <span className="muted"> · {t('invite.broughtCount', { count: n.children.length })}</span> : null}
					{n.children.length > 0 ? <Tree nodes={n.children} /> : null}
				</li>
			))}
		</ul>
	)
}
