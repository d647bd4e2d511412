import type { LoaderFunctionArgs } from '@remix-run/node'
import { followLink } from '#app/domain/referrals/open-link.server.ts'

// A member's invite link: /r/<code> leads to sign-up and remembers who invited.
export function loader({ params, request }: LoaderFunctionArgs) {
	return followLink('referral', params.code, request)
}
