// Codes on orders: the claim code printed on a receipt, and the Quanzi coupon codes an order
// may carry. Both use Crockford's base32 (no I, L, O, U), so a code read aloud or typed from
// paper survives the usual confusions (0/O, 1/I/L).

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
/** Ten characters: 50 random bits, far beyond guessing at ten tries per ten minutes. */
export const CLAIM_CODE_LENGTH = 10

/** A Quanzi coupon code: QZ- and eight Crockford characters (app/domain/membership/coupons). */
export const QUANZI_COUPON = /^QZ-[0-9A-HJKMNP-TV-Z]{8}$/

/** Codes that start like ours are held to our rules (an unknown one is refused, not just stored). */
export function looksLikeQuanziCoupon(code: string): boolean {
	return /^QZ-/i.test(code)
}

/** A fresh claim code from the platform's random source (Node and browsers alike). */
export function makeClaimCode(): string {
	const bytes = new Uint8Array(CLAIM_CODE_LENGTH)
	crypto.getRandomValues(bytes)
	// 256 is a multiple of 32, so taking each byte modulo 32 keeps every character equally likely.
	return Array.from(bytes, (b) => CROCKFORD[b % 32]).join('')
}

/**
 * A claim code as typed by a member or given by the shop: upper case, spaces dropped, and in a
 * ten-character code (the shape of ours) O, I and L read as 0 and 1. The import stores codes
 * through this too, so both sides always compare the same form.
 */
export function normalizeClaimCode(raw: string): string {
	const code = raw.trim().toUpperCase().replace(/\s+/g, '')
	return /^[0-9A-Z]{10}$/.test(code) ? code.replace(/O/g, '0').replace(/[IL]/g, '1') : code
}
