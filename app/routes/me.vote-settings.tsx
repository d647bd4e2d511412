import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/domain/accounts/auth.server.ts'
import { setVoterPreferences } from '#app/domain/voting/settings.server.ts'

/** POST from the Me page's voting switches (checkboxes: present means on). */
export async function action(args: ActionFunctionArgs) {
	const user = requireUser(args)
	const form = await args.request.formData()
	await setVoterPreferences(user.id, { notifyVotes: form.get('notifyVotes') === 'on', creditVotes: form.get('creditVotes') === 'on' })
	return redirect('/me?voting=1#voting-title')
}

export function loader() {
	return redirect('/me')
}
