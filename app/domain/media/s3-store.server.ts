import { Readable } from 'node:stream'
import type { S3Client } from '@aws-sdk/client-s3'
import type { Env } from '#app/lib/env.server.ts'
import { checkedPrefix, checkedSegments, type MediaStore, type StoredObject } from './storage.server.ts'

export type S3StoreConfig = {
	bucket: string
	region: string
	/** An S3-compatible service; unset, the AWS endpoint of the region. */
	endpoint?: string
	credentials: { accessKeyId: string; secretAccessKey: string }
	/** `<endpoint>/<bucket>/<key>` rather than `<bucket>.<endpoint>/<key>`: what most S3-compatible services expect. */
	forcePathStyle: boolean
	/** '' or a folder ending in "/", such as "quanzi/media/": every key is stored under it. */
	prefix: string
}

/** The S3_* settings as a store's config, or null when S3_BUCKET is unset (media stays on local disk). */
export function s3ConfigFrom(env: Env): S3StoreConfig | null {
	if (!env.S3_BUCKET || !env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY) return null
	return {
		bucket: env.S3_BUCKET,
		region: env.S3_REGION,
		endpoint: env.S3_ENDPOINT,
		credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY },
		forcePathStyle: env.S3_FORCE_PATH_STYLE ?? Boolean(env.S3_ENDPOINT),
		prefix: env.S3_PREFIX ? `${env.S3_PREFIX.replace(/\/$/, '')}/` : '',
	}
}

// S3's most keys in one ListObjectsV2 page and in one DeleteObjects request.
const BATCH = 1000

// NOTE: the SDK loads on first use, so a server on local disk (the default) never pays
// the half second it takes to load.
const loadSdk = async () => {
	const [sdk, { Upload }] = await Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/lib-storage')])
	return { ...sdk, Upload }
}
type Sdk = Awaited<ReturnType<typeof loadSdk>>

// NOTE: a HEAD answer has no body, so a missing key and a missing bucket are both NotFound there.
const isMissing = (sdk: Sdk, error: unknown) => error instanceof sdk.S3ServiceException && (error.name === 'NoSuchKey' || error.name === 'NotFound')

/**
 * Media in an S3-compatible bucket. The app still serves every file itself
 * (serve.server.ts streams it from here), so who may see a post stays checked per request.
 */
export function s3Store(config: S3StoreConfig): MediaStore {
	let connecting: Promise<{ sdk: Sdk; client: S3Client }> | undefined
	const connect = () =>
		(connecting ??= loadSdk().then((sdk) => ({
			sdk,
			client: new sdk.S3Client({
				region: config.region,
				endpoint: config.endpoint,
				forcePathStyle: config.forcePathStyle,
				credentials: config.credentials,
				// NOTE: checksums only where S3 demands one: several S3-compatible services refuse the
				// SDK's newer default checksum headers and chunked uploads. HTTPS already guards transit.
				requestChecksumCalculation: 'WHEN_REQUIRED',
				responseChecksumValidation: 'WHEN_REQUIRED',
				requestHandler: {
					connectionTimeout: 5_000,
					// A viewer who pauses a video stops reading, and so do we: an idle minute frees the
					// connection (the browser asks again with a Range when playback resumes).
					socketTimeout: 60_000,
					// Each video being watched holds a connection for as long as it streams.
					httpAgent: { keepAlive: true, maxSockets: 256 },
					httpsAgent: { keepAlive: true, maxSockets: 256 },
				},
			}),
		})))
	const Bucket = config.bucket
	const objectKey = (key: string) => config.prefix + checkedSegments(key).join('/')

	return {
		async put(key, source) {
			// S3 shows an object only once its upload completes, and Upload aborts a multipart
			// upload that fails, so readers never see half a file. It also takes streams of unknown length.
			const Key = objectKey(key)
			const { sdk, client } = await connect()
			await new sdk.Upload({ client, params: { Bucket, Key, Body: source } }).done()
		},
		async get(key, range) {
			const Key = objectKey(key)
			const { sdk, client } = await connect()
			try {
				const object = await client.send(new sdk.GetObjectCommand({ Bucket, Key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }))
				if (!(object.Body instanceof Readable)) throw new Error(`The S3 client gave no stream for ${Key}`)
				// With a range, the full size is the total in Content-Range ("bytes 2-5/10").
				const size = range ? Number(object.ContentRange?.split('/')[1]) : object.ContentLength
				if (size === undefined || !Number.isFinite(size)) {
					object.Body.destroy() // frees the connection
					throw new Error(`The bucket gave no size for ${Key}`)
				}
				return { stream: object.Body, size }
			} catch (error) {
				if (isMissing(sdk, error)) return null
				throw error
			}
		},
		async stat(key): Promise<StoredObject | null> {
			const Key = objectKey(key)
			const { sdk, client } = await connect()
			try {
				const head = await client.send(new sdk.HeadObjectCommand({ Bucket, Key }))
				return { size: head.ContentLength ?? 0, modified: head.LastModified ?? new Date(0) }
			} catch (error) {
				if (isMissing(sdk, error)) return null
				throw error
			}
		},
		async remove(key) {
			// Deleting a key that does not exist succeeds in S3, as rm with force does on disk.
			const Key = objectKey(key)
			const { sdk, client } = await connect()
			await client.send(new sdk.DeleteObjectCommand({ Bucket, Key }))
		},
		async removePrefix(prefix) {
			const Prefix = `${config.prefix}${checkedPrefix(prefix).join('/')}/`
			const { sdk, client } = await connect()
			let ContinuationToken: string | undefined
			do {
				const page = await client.send(new sdk.ListObjectsV2Command({ Bucket, Prefix, MaxKeys: BATCH, ContinuationToken }))
				const Objects = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []))
				if (Objects.length) {
					const { Errors } = await client.send(new sdk.DeleteObjectsCommand({ Bucket, Delete: { Objects, Quiet: true } }))
					if (Errors?.length) throw new Error(`Could not remove ${Errors.length} media objects under ${Prefix}, e.g. ${Errors[0]!.Key}: ${Errors[0]!.Code} ${Errors[0]!.Message}`)
				}
				ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined
			} while (ContinuationToken)
		},
	}
}
