import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, mkdtemp, open, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { z } from 'zod'
import { runBinary } from './binaries.server.ts'
import { mediaDirs, mediaLimits } from './config.server.ts'
import { clockDuration, MediaError } from './failure.ts'
import { renderImage, saveRenditions } from './images.server.ts'
import { mediaFile, videoContainer } from './limits.ts'
import { sniff, SNIFF_BYTES, type VideoFormat } from './sniff.ts'
import { mediaStore, type MediaStore } from './storage.server.ts'

export type VideoProbe = { container: string; videoCodec: string; audioCodec: string | null; durationSeconds: number; width: number; height: number }
export type FinishedVideo = { width: number; height: number; durationMs: number; placeholder: string }

// Codecs our ffmpeg 4.1 decodes; what browsers play as-is is decided in outputArgs.
const KNOWN_VIDEO = new Set(['h264', 'hevc', 'vp8', 'vp9', 'av1', 'mpeg4'])
const WEBM_VIDEO = new Set(['vp8', 'vp9', 'av1'])
const MP4_VIDEO = new Set(['h264', 'hevc'])
const AUDIO_COPY = { mp4: new Set(['aac', 'mp3']), webm: new Set(['opus', 'vorbis']) }
const PROBE_TIMEOUT_MS = 30_000

const StreamSchema = z.object({
	codec_type: z.string().optional(),
	codec_name: z.string().optional(),
	width: z.number().optional(),
	height: z.number().optional(),
	disposition: z.object({ attached_pic: z.number().optional() }).optional(),
	side_data_list: z.array(z.object({ rotation: z.number().optional() })).optional(),
})
const ProbeSchema = z.object({
	format: z.object({ format_name: z.string(), duration: z.coerce.number().optional() }),
	streams: z.array(StreamSchema),
})

/**
 * What ffprobe says about a video, refused with a member-facing message when we cannot
 * show it: no picture, a codec we cannot decode, too long, too many pixels. `format` is
 * what sniff() said: a WebM must hold a WebM codec, since it is served as WebM.
 */
export async function probeVideo(file: string, name = 'video', format?: VideoFormat): Promise<VideoProbe> {
	const unreadable = () => new MediaError({ message: 'media.videoUnreadable', params: { name } })
	const output = await runBinary('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], PROBE_TIMEOUT_MS).catch(() => {
		throw unreadable()
	})
	let parsed
	try {
		parsed = ProbeSchema.safeParse(JSON.parse(output.toString()))
	} catch {
		throw unreadable()
	}
	if (!parsed.success) throw unreadable()
	const { format: container, streams } = parsed.data
	// A cover picture (an audio file's artwork) is a "video" stream but not a video.
	const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic)
	if (!video?.codec_name || !video.width || !video.height) throw new MediaError({ message: 'media.videoNoPicture', params: { name } })
	const codec = video.codec_name
	if (!KNOWN_VIDEO.has(codec) || (format === 'webm' && !WEBM_VIDEO.has(codec))) {
		throw new MediaError({ message: 'media.videoCodecUnsupported', params: { name, codec: codec.toUpperCase() } })
	}
	const limits = mediaLimits()
	const duration = container.duration
	if (!duration || !Number.isFinite(duration) || duration <= 0) throw unreadable()
	if (duration > limits.videoMaxSeconds) {
		throw new MediaError({ message: 'media.videoTooLong', params: { duration: clockDuration(duration), max: clockDuration(limits.videoMaxSeconds) } })
	}
	if (video.width * video.height > limits.maxPixels) {
		throw new MediaError({ message: 'media.videoTooManyPixels', params: { name, width: video.width, height: video.height, max: limits.maxMegapixels } })
	}
	// A phone's portrait video is stored landscape with a rotation; report it as shown.
	const turned = Math.abs(video.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? 0) % 180 === 90
	return {
		container: container.format_name,
		videoCodec: codec,
		audioCodec: streams.find((s) => s.codec_type === 'audio')?.codec_name ?? null,
		durationSeconds: duration,
		width: turned ? video.height : video.width,
		height: turned ? video.width : video.height,
	}
}

/**
 * ffmpeg arguments for the served file: the first video and audio streams only, no
 * metadata (GPS, device, title) and no chapters, remuxed without re-encoding when the
 * codec fits the container; otherwise H.264 at most 1920 px on the long side.
 */
function outputArgs(input: string, output: string, probe: VideoProbe, format: VideoFormat) {
	const container = videoContainer(format)
	const copyVideo = container === 'webm' || MP4_VIDEO.has(probe.videoCodec)
	const video = copyVideo
		? ['-c:v', 'copy', ...(probe.videoCodec === 'hevc' ? ['-tag:v', 'hvc1'] : [])] // hvc1: what Apple players require
		: ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p',
			'-vf', "scale='if(gte(iw,ih),min(1920,trunc(iw/2)*2),-2)':'if(gte(iw,ih),-2,min(1920,trunc(ih/2)*2))'"]
	const copyAudio = !probe.audioCodec || AUDIO_COPY[container].has(probe.audioCodec)
	const audio = copyAudio ? ['-c:a', 'copy'] : container === 'webm' ? ['-c:a', 'libopus', '-b:a', '96k'] : ['-c:a', 'aac', '-b:a', '128k']
	const faststart = container === 'mp4' ? ['-movflags', '+faststart'] : [] // playback starts before the whole file arrives
	return {
		container,
		copyVideo,
		args: ['-nostdin', '-v', 'error', '-y', '-i', input, '-map_metadata', '-1', '-map_chapters', '-1',
			'-map', '0:v:0', '-map', '0:a:0?', ...video, ...audio, ...faststart, '-f', container, output],
	}
}

async function sniffFile(file: string) {
	const handle = await open(file)
	try {
		const { buffer, bytesRead } = await handle.read(Buffer.alloc(SNIFF_BYTES), 0, SNIFF_BYTES, 0)
		return sniff(buffer.subarray(0, bytesRead))
	} finally {
		await handle.close()
	}
}

/**
 * One frame as PNG, at 1 s (past a fade-in) or the first frame of a shorter clip. ffmpeg
 * succeeds without writing a frame when the picture ends before that point, so then retry at 0.
 */
async function extractPoster(video: string, poster: string, durationSeconds: number) {
	const frameAt = (at: string) =>
		runBinary('ffmpeg', ['-nostdin', '-v', 'error', '-y', '-ss', at, '-i', video, '-frames:v', '1', '-f', 'image2', '-c:v', 'png', poster], 60_000)
	await frameAt(durationSeconds >= 2 ? '1' : '0')
	if (!(await stat(poster).catch(() => null))?.size) await frameAt('0')
}

/**
 * Turns `<id>/source` into the served `<id>/video.mp4|webm` and its poster renditions.
 * Leaves the source for the caller to remove once the row says ready.
 */
export async function finishVideo(mediaId: string, store: MediaStore = mediaStore()): Promise<FinishedVideo> {
	await mkdir(mediaDirs().tmp, { recursive: true })
	const work = await mkdtemp(path.join(mediaDirs().tmp, 'video-'))
	try {
		const source = path.join(work, 'source')
		const stored = await store.get(`${mediaId}/source`)
		if (!stored) throw new Error(`media ${mediaId} has no stored source`)
		await pipeline(stored.stream, createWriteStream(source))
		const sniffed = await sniffFile(source)
		if (sniffed?.kind !== 'video') throw new MediaError({ message: 'media.videoUnreadable', params: { name: 'video' } })
		const probe = await probeVideo(source, 'video', sniffed.format)
		const plan = outputArgs(source, path.join(work, 'video'), probe, sniffed.format)
		// Re-encoding runs far slower than real time on a small machine; remuxing is disk speed.
		const timeoutMs = 120_000 + probe.durationSeconds * (plan.copyVideo ? 1_000 : 10_000)
		await runBinary('ffmpeg', plan.args, timeoutMs)
		const poster = path.join(work, 'poster.png')
		await extractPoster(path.join(work, 'video'), poster, probe.durationSeconds)
		const rendered = await renderImage({ path: poster, name: 'poster' })
		await saveRenditions(rendered, mediaId, store, mediaFile.poster)
		await store.put(`${mediaId}/${mediaFile.video(plan.container)}`, createReadStream(path.join(work, 'video')))
		return { width: probe.width, height: probe.height, durationMs: Math.round(probe.durationSeconds * 1000), placeholder: rendered.placeholder }
	} finally {
		await rm(work, { recursive: true, force: true })
	}
}
