import type { Stage } from './schemas.ts'

// What loaders send to the voting pages; client-importable.

export type VoteCount = { votes: number; newVotes: number }

export type CandidateCard = {
	id: string
	title: string
	description: string
	stage: Stage
	review: string
	targetPriceCents: number | null
	depositCents: number | null
	variants: string[]
	declineReason: string | null
	mergedIntoId: string | null
	selectAt: number | null
	round: { id: string; title: string; maxVotes: number | null; endsAt: string; open: boolean } | null
	media: { id: string; kind: string; status: string; width: number | null; height: number | null; placeholder: string | null; format: string }[]
	count: VoteCount
	myVote: { variant: string | null; comment: string | null } | null
	proposedBy: { id: string; displayName: string }
}
