import { randomBytes } from 'node:crypto'
import { CROCKFORD_ALPHABET } from './coupon-schema.ts'

/**
 * A fresh coupon code: QZ- and 8 random Crockford base32 characters (40 bits). Each byte's
 * low 5 bits pick a character: 256 is a multiple of 32, so every character is equally likely.
 * A clash with an existing code is a unique violation the caller retries.
 */
export function newCouponCode(): string {
	let code = 'QZ-'
	for (const byte of randomBytes(8)) code += CROCKFORD_ALPHABET[byte & 31]
	return code
}
