import { imageSources, mediaFile, mediaUrl, videoContainer } from '#app/domain/media/limits.ts'
import type { MediaView } from '#app/domain/posts/views.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

type Media = Pick<MediaView, 'id' | 'kind' | 'status' | 'width' | 'height' | 'placeholder' | 'format'>

/**
 * A photo (or a video's poster) from its WebP renditions: the browser picks 320 px or
 * 1080 px by the space it has, and a tiny blurred placeholder shows until it loads.
 */
export function MediaImage({ media, alt, sizes, eager }: { media: Media; alt: string; sizes: string; eager?: boolean }) {
	const { src, srcSet } = imageSources(media.id, media.kind === 'video' ? 'video' : 'image')
	// The placeholder is an image under the real one (an inline style would need the CSP relaxed).
	return (
		<span className="media-frame">
			{media.placeholder ? <img src={media.placeholder} alt="" aria-hidden="true" className="media-ph" /> : null}
			<img
				src={src}
				srcSet={srcSet}
				sizes={sizes}
				alt={alt}
				width={media.width ?? undefined}
				height={media.height ?? undefined}
				loading={eager ? 'eager' : 'lazy'}
				decoding="async"
				className="media-img"
			/>
		</span>
	)
}

/** Thumbnails for a feed card: up to four, the rest counted on the last. */
export function MediaStrip({ media, label }: { media: Media[]; label: string }) {
	const t = useT()
	const ready = media.filter((m) => m.status === 'ready')
	if (ready.length === 0) return null
	const shown = ready.slice(0, 4)
	return (
		<div className={`media-strip media-strip-${shown.length}`}>
			{shown.map((m, i) => (
				<div key={m.id} className="media-thumb">
					<MediaImage media={m} alt={t('post.photo', { n: i + 1, total: ready.length }) + ` · ${label}`} sizes="(min-width: 840px) 220px, 45vw" />
					{m.kind === 'video' ? <span className="media-play" aria-hidden="true">▶</span> : null}
					{i === shown.length - 1 && ready.length > shown.length ? <span className="media-more">+{ready.length - shown.length}</span> : null}
				</div>
			))}
		</div>
	)
}

/** The post page: every photo at full width, and the video with its poster. */
export function MediaGallery({ media, label }: { media: Media[]; label: string }) {
	const t = useT()
	const photos = media.filter((m) => m.kind === 'image' && m.status === 'ready')
	return (
		<div className="media-gallery">
			{media
				.filter((m) => m.kind === 'video')
				.map((m) =>
					m.status === 'ready' ? (
						<video key={m.id} controls preload="metadata" playsInline poster={mediaUrl(m.id, mediaFile.poster(1080))} width={m.width ?? undefined} height={m.height ?? undefined}>
							<source src={mediaUrl(m.id, mediaFile.video(videoContainer(m.format)))} type={`video/${videoContainer(m.format)}`} />
						</video>
					) : null,
				)}
			{photos.map((m, i) => (
				<a key={m.id} href={imageSources(m.id, 'image').src} className="media-photo">
					<MediaImage media={m} alt={t('post.photo', { n: i + 1, total: photos.length }) + ` · ${label}`} sizes="(min-width: 840px) 640px, 100vw" eager={i === 0} />
				</a>
			))}
		</div>
	)
}
