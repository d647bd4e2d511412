import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

const positiveNumber = (example: string) =>
	z.coerce.number({ invalid_type_error: `must be ${example}` }).positive(`must be ${example}, above zero`)

// NOTE: these go verbatim into the Content-Security-Policy header, so a host is letters,
// digits, dots and hyphens only (what CSP's host-source allows); the URL parser alone lets `;` through.
const CSP_ORIGIN = /^https?:\/\/[a-z0-9-]+(\.[a-z0-9-]+)*(:\d+)?$/

/** "https://a.example, https://b.example:8443" → their origins; a path, query or login is refused. */
const originList = z
	.string()
	.default('')
	.transform((value, ctx) => {
		const items = value.split(',').map((s) => s.trim()).filter(Boolean)
		const origins: string[] = []
		for (const item of items) {
			const url = /^https?:\/\/[^/?#]+\/?$/i.test(item) && URL.canParse(item) ? new URL(item) : null
			if (!url || url.username || url.password || !CSP_ORIGIN.test(url.origin)) {
				const message = `must be a comma-separated list of http(s) origins such as https://stream.example.net; "${item}" is not one`
				ctx.addIssue({ code: z.ZodIssueCode.custom, message })
				return z.NEVER
			}
			origins.push(url.origin)
		}
		return origins
	})

function isSmtpUrl(value: string): boolean {
	if (!URL.canParse(value)) return false
	const url = new URL(value)
	return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== ''
}

function isS3Endpoint(value: string): boolean {
	if (!URL.canParse(value)) return false
	const url = new URL(value)
	return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && !url.username && !url.password && !url.search && !url.hash
}

// Settings that may hold a password: a boot error names them but never echoes their value.
/** A PostgreSQL connection URL: the app then runs in scale-out mode on PostgreSQL (docs/deploy.md). */
export function isPostgresUrl(value: string): boolean {
	return /^postgres(ql)?:\/\/[^\s]+$/.test(value)
}

const SECRET_VARIABLES = new Set(['DATABASE_URL', 'REDIS_URL', 'SESSION_SECRET', 'MERCHANT_PASSWORD', 'SMTP_URL', 'S3_ENDPOINT', 'S3_SECRET_ACCESS_KEY'])
// Settings that mean nothing without S3_BUCKET: set alone, they show a mistake (media would silently stay on disk).
const S3_COMPANIONS = ['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE', 'S3_PREFIX'] as const

// One schema for every setting Quanzi reads from the environment. A bad value stops
// the process at boot with a message that names the variable (see parseEnv).
const EnvSchema = z
	.object({
		NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
		PORT: z.coerce
			.number({ invalid_type_error: 'must be a whole number' })
			.int('must be a whole number')
			.min(1, 'must be between 1 and 65535')
			.max(65535, 'must be between 1 and 65535')
			.default(3000),
		HOST: z.string().min(1).default('0.0.0.0'),
		DATABASE_URL: z
			.string()
			.default('file:./data/quanzi.db')
			.refine((v) => (v.startsWith('file:') && v.length > 'file:'.length) || isPostgresUrl(v), {
				message: 'must be a SQLite file URL such as file:./data/quanzi.db, or a PostgreSQL URL such as postgresql://quanzi:secret@db.example.com:5432/quanzi',
			}),
		// Connections each app process keeps open to PostgreSQL (ignored on SQLite, which uses one).
		DATABASE_POOL_SIZE: z.coerce
			.number({ invalid_type_error: 'must be a whole number such as 10' })
			.int('must be a whole number such as 10')
			.min(1, 'must be between 1 and 200')
			.max(200, 'must be between 1 and 200')
			.default(10),
		// Which proxies' X-Forwarded-For is believed for client addresses (rate limits, logs): express's
		// 'trust proxy' list, e.g. "loopback, 10.0.0.0/8" when nginx runs on another machine (docs/deploy.md).
		TRUST_PROXY: z
			.string()
			.regex(/^[A-Za-z0-9.:/]+(\s*,\s*[A-Za-z0-9.:/]+)*$/, 'must be a comma-separated list of addresses, subnets or loopback/linklocal/uniquelocal, such as loopback, 10.0.0.0/8')
			.default('loopback'),
		// Scale-out: Socket.IO events, rate limits and live presence shared between app processes (docs/deploy.md).
		REDIS_URL: z
			.string()
			.refine((v) => /^rediss?:\/\/[^\s]+$/.test(v), { message: 'must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379' })
			.optional(),
		SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
		PUBLIC_URL: z
			.string()
			.url('must be a full URL such as https://circle.example.com')
			.refine((v) => /^https?:\/\//.test(v), { message: 'must start with http:// or https://' })
			.optional(),
		MERCHANT_EMAIL: z.string().email('must be an email address').optional(),
		MERCHANT_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
		DATA_DIR: z.string().min(1).default('./data'),
		LOG_REQUESTS: z.enum(['true', 'false']).default('true'),
		// Media limits (app/domain/media/config.server.ts); sizes in MB of 1024 × 1024 bytes.
		MEDIA_PHOTO_MAX_MB: positiveNumber('a number of megabytes such as 15').default(15),
		MEDIA_VIDEO_MAX_MB: positiveNumber('a number of megabytes such as 200').default(200),
		MEDIA_VIDEO_MAX_SECONDS: positiveNumber('a number of seconds such as 180').default(180),
		// NOTE: a decompression-bomb guard; far below sharp's own 268 MP default on purpose.
		MEDIA_MAX_MEGAPIXELS: positiveNumber('a number of megapixels such as 60').default(60),
		// Streaming services a live room may play from; the CSP lets the player fetch from them.
		LIVE_STREAM_ORIGINS: originList,
		// Minutes a member watches a live room without a break to earn the live.watched points.
		LIVE_WATCH_MINUTES: positiveNumber('a number of minutes such as 5').default(5),
		// The mail server notifications go out through; unset, they stay in the outbox as captured
		// (development and tests), where the merchant can read them in the console.
		SMTP_URL: z
			.string()
			.refine(isSmtpUrl, { message: 'must be an smtp:// or smtps:// URL such as smtps://user:password@mail.example.com:465' })
			.optional(),
		MAIL_FROM: z.string().min(3).default('Quanzi <no-reply@localhost>'),
		// Media on an S3-compatible bucket (app/domain/media/s3-store.server.ts); without S3_BUCKET it stays under DATA_DIR/media.
		S3_BUCKET: z
			.string()
			.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,61}[A-Za-z0-9]$/, 'must be a bucket name such as quanzi-media: 3 to 63 letters, digits, dots and hyphens')
			.optional(),
		S3_REGION: z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be a region name such as eu-west-1, as the storage service names it').default('us-east-1'),
		S3_ENDPOINT: z
			.string()
			.refine(isS3Endpoint, { message: 'must be the http(s) URL of an S3-compatible service such as https://storage.example.com, without login, query or fragment' })
			.optional(),
		S3_ACCESS_KEY_ID: z.string().optional(),
		S3_SECRET_ACCESS_KEY: z.string().optional(),
		S3_FORCE_PATH_STYLE: z
			.enum(['true', 'false'], { errorMap: () => ({ message: 'must be true or false' }) })
			.transform((v) => v === 'true')
			.optional(),
		S3_PREFIX: z
			.string()
			.regex(/^[A-Za-z0-9_-][A-Za-z0-9_.-]*(\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*\/?$/, 'must be a folder inside the bucket such as quanzi/media: letters, digits, - _ . between slashes')
			.refine((v) => !v.includes('..'), { message: 'must not contain ".."' })
			.optional(),
	})
	.refine((e) => Boolean(e.MERCHANT_EMAIL) === Boolean(e.MERCHANT_PASSWORD), {
		message: 'MERCHANT_EMAIL and MERCHANT_PASSWORD must be set together',
		path: ['MERCHANT_PASSWORD'],
	})
	.superRefine((e, ctx) => {
		const issue = (name: string, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [name], message })
		if (e.S3_BUCKET) {
			if (!e.S3_ACCESS_KEY_ID) issue('S3_ACCESS_KEY_ID', 'must be set with S3_BUCKET: the access key of a user who may read, write, list and delete in the bucket')
			if (!e.S3_SECRET_ACCESS_KEY) issue('S3_SECRET_ACCESS_KEY', 'must be set with S3_BUCKET: the secret that goes with S3_ACCESS_KEY_ID')
			return
		}
		const stray = S3_COMPANIONS.filter((name) => e[name] !== undefined)
		if (stray.length) issue('S3_BUCKET', `must be set for ${stray.join(', ')} to take effect; unset them to keep media on local disk`)
	})

export type Env = z.infer<typeof EnvSchema> & { SESSION_SECRET: string; PUBLIC_URL: string }

export class ConfigError extends Error {}

/** Parses the environment; throws a ConfigError whose message names each bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
	const empty = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''))
	const result = EnvSchema.safeParse(empty)
	if (!result.success) {
		const lines = result.error.issues.map((issue) => {
			const name = String(issue.path[0] ?? 'environment')
			const given = source[name] === undefined || SECRET_VARIABLES.has(name) ? '' : ` (got "${source[name]}")`
			return `  ${name} ${issue.message}${given}`
		})
		throw new ConfigError(`Quanzi cannot start: fix these settings.\n${lines.join('\n')}`)
	}
	const env = result.data
	return {
		...env,
		SESSION_SECRET: env.SESSION_SECRET ?? readOrCreateSecret(env.DATA_DIR),
		PUBLIC_URL: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
	}
}

// NOTE: a generated secret lives next to the database, so it survives restarts and
// moves with the data; set SESSION_SECRET explicitly when several processes share data.
function readOrCreateSecret(dataDir: string): string {
	const file = path.resolve(dataDir, 'session-secret')
	if (existsSync(file)) return readFileSync(file, 'utf8').trim()
	mkdirSync(path.dirname(file), { recursive: true })
	const secret = randomBytes(32).toString('hex')
	writeFileSync(file, secret, { mode: 0o600 })
	return secret
}

let cached: Env | undefined
/** The parsed environment, read once per process. */
export function getEnv(): Env {
	cached ??= parseEnv()
	return cached
}
