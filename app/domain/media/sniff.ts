export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif' | 'heic'
export type VideoFormat = 'mp4' | 'mov' | 'webm' | 'mkv'
export type MediaFormat = ImageFormat | VideoFormat
export type Sniffed = { kind: 'image'; format: ImageFormat } | { kind: 'video'; format: VideoFormat }

/** How many leading bytes sniff() wants: enough for an ISO-BMFF ftyp box's brand list. */
export const SNIFF_BYTES = 512

const ascii = (bytes: Uint8Array, start: number, length: number) =>
	String.fromCharCode(...bytes.subarray(start, start + length))
const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
	signature.every((b, i) => bytes[offset + i] === b)

// ISO-BMFF (ftyp) brands. HEIF images and MP4/MOV video share the container, so the
// brands decide; an unknown brand is refused rather than guessed.
const AVIF_BRANDS = new Set(['avif', 'avis'])
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'])
const MP4_BRANDS = new Set([
	'isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'mp71', 'avc1', 'dash',
	'M4V ', 'M4VH', 'M4VP', '3gp4', '3gp5', '3gp6', '3g2a', '3ge6', '3gg6', 'MSNV', 'NDAS', 'XAVC', 'f4v ', 'mmp4', 'kddi',
])

function sniffFtyp(bytes: Uint8Array): Sniffed | null {
	const boxSize = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0)
	const major = ascii(bytes, 8, 4)
	const brands = [major]
	for (let at = 16; at + 4 <= Math.min(boxSize, bytes.length); at += 4) brands.push(ascii(bytes, at, 4))
	if (brands.some((b) => AVIF_BRANDS.has(b))) return { kind: 'image', format: 'avif' }
	if (HEIC_BRANDS.has(major)) return { kind: 'image', format: 'heic' }
	if (major === 'qt  ') return { kind: 'video', format: 'mov' }
	if (MP4_BRANDS.has(major)) return { kind: 'video', format: 'mp4' }
	return null
}

// Matroska and WebM share EBML; the DocType element (id 0x4282) tells them apart.
function sniffEbml(bytes: Uint8Array): Sniffed | null {
	for (let at = 4; at + 3 < Math.min(bytes.length, 64); at++) {
		if (bytes[at] !== 0x42 || bytes[at + 1] !== 0x82) continue
		const size = bytes[at + 2]! & 0x7f // a one-byte EBML length (0x80 | n), as every muxer writes it
		const docType = ascii(bytes, at + 3, size)
		if (docType === 'webm') return { kind: 'video', format: 'webm' }
		if (docType === 'matroska') return { kind: 'video', format: 'mkv' }
		return null
	}
	return null
}

/**
 * What a file is, from its first bytes (at least 12; SNIFF_BYTES is plenty). The file
 * name and the Content-Type the browser sent are never consulted: both are the sender's claim.
 */
export function sniff(bytes: Uint8Array): Sniffed | null {
	if (bytes.length < 12) return null
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', format: 'jpeg' }
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'image', format: 'png' }
	if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return { kind: 'image', format: 'gif' }
	if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return { kind: 'image', format: 'webp' }
	if (ascii(bytes, 4, 4) === 'ftyp') return sniffFtyp(bytes)
	if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return sniffEbml(bytes)
	return null
}
