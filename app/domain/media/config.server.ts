import path from 'node:path'
import { getEnv } from '#app/lib/env.server.ts'
import { MB } from './failure.ts'

/** The configured limits (MEDIA_* in app/lib/env.server.ts), in bytes, seconds and pixels. */
export function mediaLimits() {
	const env = getEnv()
	return {
		photoMaxBytes: Math.floor(env.MEDIA_PHOTO_MAX_MB * MB),
		videoMaxBytes: Math.floor(env.MEDIA_VIDEO_MAX_MB * MB),
		photoMaxMb: env.MEDIA_PHOTO_MAX_MB,
		videoMaxMb: env.MEDIA_VIDEO_MAX_MB,
		videoMaxSeconds: env.MEDIA_VIDEO_MAX_SECONDS,
		maxMegapixels: env.MEDIA_MAX_MEGAPIXELS,
		maxPixels: Math.floor(env.MEDIA_MAX_MEGAPIXELS * 1_000_000),
	}
}

/** Where stored media and uploads in flight live, under DATA_DIR. */
export function mediaDirs() {
	const root = path.resolve(getEnv().DATA_DIR)
	return { media: path.join(root, 'media'), tmp: path.join(root, 'tmp') }
}
