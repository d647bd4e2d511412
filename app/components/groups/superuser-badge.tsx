import { useT } from '#app/lib/i18n/use-t.ts'

/** "Super-user" and the line the merchant wrote for them ("Tea grower, 30 years"). */
export function SuperUserBadge({ profileLine }: { profileLine: string | null }) {
	const t = useT()
	return (
		<span className="superuser-badge">
			<span className="role role-superuser">{t('superusers.badge')}</span>
			{profileLine ? <span className="superuser-line">{profileLine}</span> : null}
		</span>
	)
}
