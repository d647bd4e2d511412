import { z } from 'zod'

// Group forms and their limits; client-importable.

export const GROUP_VISIBILITIES = ['public', 'invite'] as const
export type GroupVisibility = (typeof GROUP_VISIBILITIES)[number]
export const MAX_GROUP_NAME = 60
export const MAX_GROUP_DESCRIPTION = 1000
export const MAX_ANNOUNCEMENT = 500
export const MEMBER_CAP = { min: 2, max: 5000 } as const

const text = (max: number, tooLong: string) => z.string().trim().max(max, tooLong)

export const GroupSchema = z.object({
	name: text(MAX_GROUP_NAME, 'groups.error.nameTooLong').pipe(z.string().min(1, 'groups.error.nameRequired')),
	description: text(MAX_GROUP_DESCRIPTION, 'groups.error.descriptionTooLong').default(''),
	visibility: z.enum(GROUP_VISIBILITIES, { errorMap: () => ({ message: 'groups.error.visibility' }) }),
	memberCap: z.coerce
		.number({ invalid_type_error: 'groups.error.memberCap' })
		.int('groups.error.memberCap')
		.min(MEMBER_CAP.min, 'groups.error.memberCap')
		.max(MEMBER_CAP.max, 'groups.error.memberCap'),
})
export type GroupInput = z.output<typeof GroupSchema>

export const AnnouncementSchema = z.object({
	announcement: text(MAX_ANNOUNCEMENT, 'groups.error.announcementTooLong'),
})
