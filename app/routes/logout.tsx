import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { endSession } from '#app/domain/accounts/auth.server.ts'

// Logging out changes state, so it is a POST (a GET link could be triggered by another site).
export async function action({ context }: ActionFunctionArgs) {
	if (!context.sessionToken) return redirect('/')
	return redirect('/', { headers: { 'Set-Cookie': await endSession(context.sessionToken) } })
}

export function loader() {
	return redirect('/me')
}
