import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { setLocale } from '#app/domain/accounts/accounts.server.ts'
import { safeRedirectPath } from '#app/lib/http.ts'
import { isLocale, LOCALE_COOKIE } from '#app/lib/i18n/index.ts'

const ONE_YEAR_S = 365 * 24 * 3600

/** Switches the language: saved on the member's account, and in a cookie for visitors. */
export async function action({ request, context }: ActionFunctionArgs) {
	const formData = await request.formData()
	const locale = formData.get('locale')
	const back = safeRedirectPath(formData.get('redirectTo'))
	if (!isLocale(locale)) throw new Response('Pick zh-CN or en as the language.', { status: 400 })
	if (context.user) await setLocale(context.user.id, locale)
	return redirect(back, {
		headers: { 'Set-Cookie': `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${ONE_YEAR_S}; SameSite=Lax` },
	})
}

export function loader() {
	return redirect('/')
}
