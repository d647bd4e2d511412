import type { FormFailure } from '#app/lib/forms.ts'

/** A refused row form on the super-users page: which form, for which member, and why. */
export type SuperUserFailure = FormFailure & { intent: 'promote' | 'profile' | 'demote'; memberId: string }

/** The failure when it belongs to this member's form, so only that row shows the error and keeps its input. */
export function failureFor(failure: SuperUserFailure | undefined, memberId: string, intents: SuperUserFailure['intent'][]) {
	return failure && failure.memberId === memberId && intents.includes(failure.intent) ? failure : undefined
}
