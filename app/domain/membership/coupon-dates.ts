// Coupon days are China days: a coupon "valid 7 days" lasts to the end of the seventh day on
// the member's calendar, and a birthday month is the month in China. China keeps UTC+8 all
// year (no daylight saving), so a fixed offset is exact. Plain module: the pages use it too.

const DAY = 86_400_000
const CHINA_OFFSET = 8 * 3_600_000

/** The China calendar date of an instant as YYYY-MM-DD (what notifications carry). */
export function chinaDate(at: Date): string {
	return new Date(at.getTime() + CHINA_OFFSET).toISOString().slice(0, 10)
}

/** Year and month (1–12) in China at an instant. */
export function chinaMonth(at: Date): { year: number; month: number } {
	const shifted = new Date(at.getTime() + CHINA_OFFSET)
	return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1 }
}

/** The last millisecond of the China day `days` days after `now`'s China day. */
export function endOfChinaDay(now: Date, days: number): Date {
	const shifted = new Date(now.getTime() + CHINA_OFFSET)
	const midnight = Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate() + days + 1)
	return new Date(midnight - CHINA_OFFSET - 1)
}

/** Whole China days from today to the coupon's last day: 0 = ends today. Never negative. */
export function daysLeft(expiresAt: Date, now: Date): number {
	const end = Date.parse(`${chinaDate(expiresAt)}T00:00:00Z`)
	const today = Date.parse(`${chinaDate(now)}T00:00:00Z`)
	return Math.max(0, Math.round((end - today) / DAY))
}
