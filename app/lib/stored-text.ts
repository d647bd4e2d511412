// What text may reach the database. See docs/decisions/021-hostile-text.md.

// NOTE: PostgreSQL refuses U+0000 in text (a 500 for the member) while SQLite stores it and
// every later reader trips on it, so it is removed from every string on its way in.
const NUL = /\u0000/g
// Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder the text around
// them: "‮gpj.exe" shows as "exe.jpg", a name can pose as another's. The plain marks
// (U+200E/U+200F) only nudge neutral characters and stay.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g
// Columns that name something (a member, a room, a prize, an idea): shown on their own, next
// to other people's names, where a reordering control is only ever a disguise.
const NAME_FIELDS = new Set(['displayName', 'name', 'title'])

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
	if (typeof value !== 'object' || value === null) return false
	const proto = Object.getPrototypeOf(value)
	return proto === Object.prototype || proto === null
}

/** A string as it may be stored: without NUL, and for a name or title without direction controls. */
export function cleanText(value: string, isName = false): string {
	const text = value.includes('\u0000') ? value.replace(NUL, '') : value
	return isName ? text.replace(BIDI_CONTROLS, '') : text
}

/**
 * Query arguments with every string cleaned (names and titles of `data` of their direction
 * controls too). Returns the same object when nothing changes, so the common case allocates
 * nothing; never changes the caller's object.
 */
export function cleanQueryArgs<T>(args: T, isName = false): T {
	if (typeof args === 'string') return cleanText(args, isName) as T
	if (Array.isArray(args)) {
		const items = args.map((item) => cleanQueryArgs(item, isName))
		return (items.some((item, i) => item !== args[i]) ? items : args) as T
	}
	if (!isPlainObject(args)) return args
	let copy: Record<string, unknown> | undefined
	for (const [key, value] of Object.entries(args)) {
		// A name's filter or update operators ({ contains }, { set }) are names too.
		const cleaned = cleanQueryArgs(value, isName || NAME_FIELDS.has(key))
		// defineProperty: a key spelled "__proto__" stays a key and never becomes the prototype.
		if (cleaned !== value) Object.defineProperty((copy ??= { ...args }), key, { value: cleaned, enumerable: true, writable: true, configurable: true })
	}
	return (copy ?? args) as T
}
