import type { LoaderFunctionArgs } from '@remix-run/node'
import { followLink } from '#app/domain/referrals/open-link.server.ts'

// A member's share of one thing: /s/<code> leads to it and remembers who shared it.
export function loader({ params, request }: LoaderFunctionArgs) {
	return followLink('share', params.code, request)
}
