import type { LoaderFunctionArgs } from '@remix-run/node'
import { findSimilar } from '#app/domain/voting/candidates.server.ts'

/** GET /vote/similar?q=…: ideas already on the board like the one being typed (JSON). */
export async function loader({ request }: LoaderFunctionArgs) {
	const q = new URL(request.url).searchParams.get('q') ?? ''
	return { similar: await findSimilar(q) }
}
