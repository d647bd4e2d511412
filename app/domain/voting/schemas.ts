import { z } from 'zod'

// Client-importable: the forms and pages use the same stages and limits the server enforces.

export const STAGES = ['proposed', 'voting', 'selected', 'presale', 'instock', 'declined'] as const
export type Stage = (typeof STAGES)[number]
/** The way forward; declined can be reached from any stage before the shelves. */
export const FORWARD: Stage[] = ['proposed', 'voting', 'selected', 'presale', 'instock']
/** Stages in which members may vote and withdraw (while the round is open). */
export const VOTABLE: Stage[] = ['voting', 'selected']

export const MAX_TITLE = 100
export const MAX_DESCRIPTION = 2000
export const MAX_COMMENT = 200
export const MAX_VARIANTS = 12
export const MAX_QUANTITY = 10

const clean = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim()
const text = (max: number, tooLong: string) => z.string().transform(clean).pipe(z.string().max(max, tooLong))
const money = (message: string) =>
	z
		.string()
		.trim()
		.transform((v) => v || undefined)
		.pipe(z.string().regex(/^\d{1,7}(\.\d{1,2})?$/, message).transform((v) => Math.round(Number(v) * 100)).optional())

/** "S, M, L" or one per line → ["S", "M", "L"]. */
export function parseVariants(raw: string): string[] {
	return [...new Set(raw.split(/[\n,，]/).map(clean).filter(Boolean))]
}

export const SuggestionSchema = z.object({
	title: text(MAX_TITLE, 'vote.error.titleTooLong').pipe(z.string().min(2, 'vote.error.titleRequired')),
	description: text(MAX_DESCRIPTION, 'vote.error.descriptionTooLong').optional().transform((v) => v ?? ''),
})

export const CandidateSchema = SuggestionSchema.extend({
	roundId: z.string().trim().optional().transform((v) => v || undefined),
	targetPrice: money('vote.error.price'),
	deposit: money('vote.error.price'),
	variants: z
		.string()
		.optional()
		.transform((v) => parseVariants(v ?? ''))
		.pipe(z.array(z.string().max(30, 'vote.error.variantTooLong')).max(MAX_VARIANTS, 'vote.error.tooManyVariants')),
	selectAt: z
		.string()
		.trim()
		.optional()
		.transform((v) => (v ? Number(v) : undefined))
		.pipe(z.number({ invalid_type_error: 'vote.error.selectAt' }).int('vote.error.selectAt').min(1, 'vote.error.selectAt').max(1_000_000, 'vote.error.selectAt').optional()),
})
export type CandidateInput = z.output<typeof CandidateSchema>

export const RoundSchema = z
	.object({
		title: text(MAX_TITLE, 'vote.error.titleTooLong').pipe(z.string().min(2, 'vote.error.titleRequired')),
		description: text(MAX_DESCRIPTION, 'vote.error.descriptionTooLong').optional().transform((v) => v ?? ''),
		maxVotes: z
			.string()
			.trim()
			.optional()
			.transform((v) => (v ? Number(v) : undefined))
			.pipe(z.number({ invalid_type_error: 'vote.error.maxVotes' }).int('vote.error.maxVotes').min(1, 'vote.error.maxVotes').max(100, 'vote.error.maxVotes').optional()),
		days: z.coerce.number({ invalid_type_error: 'vote.error.days' }).int('vote.error.days').min(1, 'vote.error.days').max(90, 'vote.error.days'),
	})
export type RoundInput = z.output<typeof RoundSchema>

export const VoteSchema = z.object({
	variant: z.string().trim().max(30).optional().transform((v) => v || undefined),
	comment: text(MAX_COMMENT, 'vote.error.commentTooLong').optional().transform((v) => v || undefined),
})

export const ReserveSchema = z.object({
	variant: z.string().trim().max(30).optional().transform((v) => v ?? ''),
	quantity: z.coerce.number({ invalid_type_error: 'vote.error.quantity' }).int('vote.error.quantity').min(1, 'vote.error.quantity').max(MAX_QUANTITY, 'vote.error.quantity'),
})

export const DeclineSchema = z.object({
	reason: text(300, 'vote.error.reasonTooLong').pipe(z.string().min(2, 'vote.error.reasonRequired')),
})
