import type { LoaderFunctionArgs } from '@remix-run/node'
import { findSimilar } from '#app/domain/voting/candidates.server.ts'

export type SimilarIdeas = { similar: { id: string; title: string; stage: string }[] }

/** GET /vote/similar?q=…: ideas already on the board like the one being typed, as plain JSON. */
export async function loader({ request }: LoaderFunctionArgs) {
	const q = new URL(request.url).searchParams.get('q') ?? ''
	return Response.json({ similar: await findSimilar(q) } satisfies SimilarIdeas)
}
