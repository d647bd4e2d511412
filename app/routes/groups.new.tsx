import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { GroupForm } from '#app/components/groups/group-form.tsx'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { saveGroupFromForm } from '#app/domain/groups/group-form.server.ts'
import { mayCreateGroups } from '#app/domain/groups/groups.server.ts'
import { invariantResponse } from '#app/lib/http.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'groups.create')

export function loader(args: LoaderFunctionArgs) {
	const user = requireUser(args)
	invariantResponse(mayCreateGroups(user), 'groups.error.notSuperuser', { status: 403 })
	return null
}

export async function action(args: ActionFunctionArgs) {
	const user = requireUser(args)
	invariantResponse(mayCreateGroups(user), 'groups.error.notSuperuser', { status: 403 })
	const result = await saveGroupFromForm(args.request, user)
	if (!result.ok) return data(result, { status: result.status ?? 400 })
	return redirect(`/groups/${result.id}?created=1`)
}

export default function NewGroupPage() {
	const t = useT()
	const failure = useActionData<typeof action>()
	return (
		<section className="card compose" aria-labelledby="page-title">
			<p><Link to="/groups">← {t('groups.title')}</Link></p>
			<h1 id="page-title">{t('groups.create')}</h1>
			<p className="muted">{t('groups.createIntro')}</p>
			<GroupForm failure={failure} submitLabel={t('groups.form.create')} />
		</section>
	)
}
