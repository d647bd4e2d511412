import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { useT } from '#app/lib/i18n/use-t.ts'
import type { MessageKey } from '#app/lib/i18n/index.ts'

const PAGES: Record<number, { title: MessageKey; text?: MessageKey }> = {
	400: { title: 'page.badRequestTitle' },
	403: { title: 'page.forbiddenTitle', text: 'page.forbiddenText' },
	404: { title: 'page.notFoundTitle', text: 'page.notFoundText' },
}

/** The page for 400/403/404/500: what happened and where to go next. */
export function GeneralErrorBoundary() {
	const error = useRouteError()
	const t = useT()
	const status = isRouteErrorResponse(error) ? error.status : 500
	const page = PAGES[status]
	// A 400 carries the server's own explanation of what to fix; other statuses use ours.
	const detail = status === 400 && isRouteErrorResponse(error) && typeof error.data === 'string' ? error.data : undefined
	if (status >= 500) console.error(error)
	return (
		<section className="error-page" aria-labelledby="error-title">
			<p className="error-code">{status}</p>
			<h1 id="error-title">{t(page?.title ?? 'page.errorTitle')}</h1>
			<p>{detail ?? t(page?.text ?? 'page.errorText')}</p>
			<Link to="/" className="button button-primary">{t('page.backHome')}</Link>
		</section>
	)
}
