/**
 * What a post may carry, and where its media is served from. Client-importable: the
 * composer shows the same limits the server enforces (config.server.ts reads the sizes).
 */
export const MAX_PHOTOS = 9
export const MAX_VIDEOS = 1

/** What the file picker offers; the server decides by magic bytes, never by this list. */
export const ACCEPT_PHOTOS = 'image/jpeg,image/png,image/webp,image/avif,image/heic,image/heif,image/gif'
export const ACCEPT_VIDEOS = 'video/mp4,video/quicktime,video/webm'

/** Widths of the WebP renditions made of every photo and every video's poster frame. */
export const RENDITION_WIDTHS = [320, 1080] as const
export type RenditionWidth = (typeof RENDITION_WIDTHS)[number]

export type MediaKind = 'image' | 'video'
export type MediaStatus = 'processing' | 'ready' | 'failed'

/** The served file names under /media/<id>/. The upload itself has no name here. */
export const mediaFile = {
	image: (width: RenditionWidth) => `w${width}.webp`,
	poster: (width: RenditionWidth) => `poster-w${width}.webp`,
	video: (format: 'mp4' | 'webm') => `video.${format}`,
}

export function mediaUrl(mediaId: string, file: string): string {
	return `/media/${mediaId}/${file}`
}

/** src/srcSet for a photo (or a video's poster): the phone gets 320 px, larger screens 1080 px. */
export function imageSources(mediaId: string, kind: MediaKind) {
	const name = kind === 'image' ? mediaFile.image : mediaFile.poster
	return {
		src: mediaUrl(mediaId, name(1080)),
		srcSet: RENDITION_WIDTHS.map((w) => `${mediaUrl(mediaId, name(w))} ${w}w`).join(', '),
	}
}

/**
 * The container a video is served in, from the format its upload was sniffed as: WebM
 * stays WebM (VP8/VP9/AV1 remuxed), everything else becomes MP4 (videos.server.ts).
 */
export function videoContainer(format: string): 'mp4' | 'webm' {
	return format === 'webm' ? 'webm' : 'mp4'
}
