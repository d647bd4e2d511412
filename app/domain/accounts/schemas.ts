import { z } from 'zod'
import { LOCALES } from '#app/lib/i18n/index.ts'
import { normalizePhone } from './phone.ts'

// Messages are i18n keys; routes translate them for the reader.
const email = z
	.string({ required_error: 'error.emailRequired' })
	.trim()
	.toLowerCase()
	.min(1, 'error.emailRequired')
	.max(254, 'error.emailInvalid')
	.email('error.emailInvalid')

// ASVS 6.2.1/6.2.9: at least 8 characters, and long passphrases allowed.
const newPassword = z
	.string({ required_error: 'error.passwordTooShort' })
	.min(8, 'error.passwordTooShort')
	.max(128, 'error.passwordTooLong')

const displayName = z
	.string({ required_error: 'error.displayNameRequired' })
	.trim()
	.min(1, 'error.displayNameRequired')
	.max(40, 'error.displayNameTooLong')

export const SignupSchema = z.object({ email, displayName, password: newPassword })

export const LoginSchema = z.object({
	email,
	password: z.string({ required_error: 'error.passwordRequired' }).min(1, 'error.passwordRequired').max(128, 'error.passwordWrong'),
})

export const PasswordChangeSchema = z
	.object({
		currentPassword: z.string({ required_error: 'error.passwordRequired' }).min(1, 'error.passwordRequired'),
		newPassword,
		confirmPassword: z.string({ required_error: 'error.passwordMismatch' }),
	})
	.refine((v) => v.newPassword === v.confirmPassword, { message: 'error.passwordMismatch', path: ['confirmPassword'] })

const optionalInt = (min: number, max: number) =>
	z.preprocess(
		(v) => (v === '' || v === undefined || v === null ? null : Number(v)),
		z.number({ invalid_type_error: 'error.birthdayInvalid' }).int('error.birthdayInvalid').min(min, 'error.birthdayInvalid').max(max, 'error.birthdayInvalid').nullable(),
	)

// The last day of each month in a leap year, so 29 February is a birthday one may keep.
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

export const ProfileSchema = z
	.object({
		displayName,
		birthdayMonth: optionalInt(1, 12),
		birthdayDay: optionalInt(1, 31),
		region: z.string().trim().max(60, 'error.regionTooLong').transform((v) => v || null),
		// Not sent: left as it is; empty: removed; else stored as digits only, so shop orders match it.
		phone: z
			.string()
			.max(40, 'profile.error.phoneInvalid')
			.optional()
			.transform((v, ctx) => {
				if (v === undefined) return undefined
				if (!v.trim()) return null
				const phone = normalizePhone(v)
				if (!phone) ctx.addIssue({ code: 'custom', message: 'profile.error.phoneInvalid' })
				return phone
			}),
		locale: z.preprocess((v) => (v === '' ? null : v), z.enum(LOCALES).nullable()),
	})
	.refine((v) => (v.birthdayMonth === null) === (v.birthdayDay === null), {
		message: 'error.birthdayIncomplete',
		path: ['birthdayDay'],
	})
	.refine((v) => v.birthdayMonth === null || v.birthdayDay === null || v.birthdayDay <= DAYS_IN_MONTH[v.birthdayMonth - 1]!, {
		message: 'error.birthdayInvalid',
		path: ['birthdayDay'],
	})

export type ProfileInput = z.infer<typeof ProfileSchema>
