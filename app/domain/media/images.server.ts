import sharp from 'sharp'
import { mediaLimits } from './config.server.ts'
import { MediaError } from './failure.ts'
import { mediaFile, RENDITION_WIDTHS, type RenditionWidth } from './limits.ts'
import type { ImageFormat } from './sniff.ts'
import type { MediaStore } from './storage.server.ts'

export type ImageResult = { width: number; height: number; placeholder: string }
export type RenderedImage = ImageResult & { renditions: { width: RenditionWidth; data: Buffer }[] }
type Source = { path: string | Buffer; name: string }

const LARGEST = Math.max(...RENDITION_WIDTHS)
const PLACEHOLDER_WIDTH = 16
// What sharp's metadata calls each format we accept (AVIF and HEIC are both "heif").
const SHARP_FORMAT: Record<ImageFormat, string> = { jpeg: 'jpeg', png: 'png', webp: 'webp', gif: 'gif', avif: 'heif', heic: 'heif' }

/**
 * Reads the header only (no pixels), so a 50,000 × 50,000 "photo" is refused before
 * anything is decoded. Returns the size as shown, after EXIF orientation.
 */
export async function checkImage(source: Source, format: ImageFormat): Promise<{ width: number; height: number }> {
	const { name } = source
	// The prebuilt libvips decodes AVIF but not HEVC-coded HEIC (patents), so say what to do instead.
	if (format === 'heic') throw new MediaError({ message: 'media.heicUnsupported', params: { name } })
	const meta = await sharp(source.path, { limitInputPixels: false })
		.metadata()
		.catch(() => {
			throw new MediaError({ message: 'media.imageDamaged', params: { name } })
		})
	const sameFormat = meta.format === SHARP_FORMAT[format] && (format !== 'avif' || meta.compression === 'av1')
	if (!sameFormat) throw new MediaError({ message: 'media.imageUnsupported', params: { name } })
	const { maxPixels, maxMegapixels } = mediaLimits()
	if (meta.width * meta.height > maxPixels) {
		throw new MediaError({ message: 'media.tooManyPixels', params: { name, width: meta.width, height: meta.height, max: maxMegapixels } })
	}
	return { width: meta.autoOrient.width, height: meta.autoOrient.height }
}

/**
 * Every rendition of one image, in memory: one decode (shrunk on load where the format
 * allows) to the largest width, then each smaller size from those pixels. Orientation is
 * applied and all metadata (EXIF with GPS, XMP, IPTC, ICC after conversion to sRGB) is
 * dropped, because sharp writes none unless keepMetadata()/withMetadata() is called.
 */
export async function renderImage(source: Source): Promise<RenderedImage> {
	const { name } = source
	try {
		const decoded = sharp(source.path, { limitInputPixels: mediaLimits().maxPixels, failOn: 'truncated', autoOrient: true })
		const meta = await decoded.metadata()
		const { data, info } = await decoded
			.resize({ width: LARGEST, withoutEnlargement: true })
			.toColourspace('srgb')
			.raw({ depth: 'uchar' })
			.toBuffer({ resolveWithObject: true })
		const pixels = () => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
		const [placeholder, renditions] = await Promise.all([
			pixels().resize({ width: PLACEHOLDER_WIDTH }).blur(1).webp({ quality: 50 }).toBuffer(),
			Promise.all(
				RENDITION_WIDTHS.map(async (width) => {
					const sized = width >= info.width ? pixels() : pixels().resize({ width })
					return { width, data: await sized.webp().toBuffer() }
				}),
			),
		])
		return {
			width: meta.autoOrient.width,
			height: meta.autoOrient.height,
			placeholder: `data:image/webp;base64,${placeholder.toString('base64')}`,
			renditions,
		}
	} catch (error) {
		if (error instanceof MediaError) throw error
		// Past checkImage, a failure means the pixels themselves are bad: cut short or corrupt.
		throw new MediaError({ message: 'media.imageDamaged', params: { name } })
	}
}

/** Writes the renditions as <id>/w320.webp … (or poster-w320.webp … for a video). */
export async function saveRenditions(rendered: RenderedImage, mediaId: string, store: MediaStore, name = mediaFile.image): Promise<void> {
	await Promise.all(rendered.renditions.map((r) => store.put(`${mediaId}/${name(r.width)}`, r.data)))
}

/** A photo, start to finish: header check, renditions and placeholder, stored under its id. */
export async function processImage(
	staged: { path: string; name: string; format: ImageFormat },
	mediaId: string,
	store: MediaStore,
): Promise<ImageResult> {
	await checkImage(staged, staged.format)
	const rendered = await renderImage(staged)
	await saveRenditions(rendered, mediaId, store)
	return { width: rendered.width, height: rendered.height, placeholder: rendered.placeholder }
}
