// Generates the demo live stream the seed uses: public/demo/live/index.m3u8 (+ segments)
// and public/demo/live/replay.mp4, the same 28 seconds of portrait video with a soft chord.
// Usage: node scripts/make-demo-stream.mjs [--no-text]
// The captions need any system font through fontconfig; without one, pass --no-text.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { root } from './lib.mjs'

const ffmpeg = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg').path
const out = path.join(root, 'public/demo/live')
const SECONDS = 28
const FPS = 25
// Segments of 2 s need a keyframe every 2 s exactly, so the HLS copy can cut without re-encoding.
const GOP = 2 * FPS
const withText = !process.argv.includes('--no-text')

// A warm gradient drawn small and scaled up (geq per pixel at full size is slow), a glowing
// dot drifting on a Lissajous path, and a clock, so a replay's sync with chat is visible.
const backdrop = `nullsrc=s=54x96:r=${FPS}:d=${SECONDS},format=rgb24,geq=r='150+60*sin(T/4+Y/40)':g='60+30*sin(T/5+X/30)':b='90+50*cos(T/6+Y/50)',scale=540:960:flags=bicubic`
const dot = `nullsrc=s=160x160:r=${FPS}:d=${SECONDS},format=rgba,geq=r=255:g=230:b=200:a='255*max(0,1-hypot(X-80,Y-80)/80)^2'`
const place = "overlay=x='190+170*sin(t*0.9)':y='400+300*sin(t*0.6+1)':eval=frame:format=auto"
const text = (caption, x, y, size) =>
	`drawtext=font=Sans:text='${caption}':fontcolor=white:fontsize=${size}:x=${x}:y=${y}:shadowcolor=black@0.4:shadowx=2:shadowy=2`
// The clock %{pts:gmtime:0:%M:%S}: the filter graph and drawtext each strip one level of
// escaping, so the colon inside the time format needs three backslashes.
const clock = '%{pts\\:gmtime\\:0\\:%M\\\\\\:%S}'
const captions = withText
	? [
			'drawbox=x=32:y=40:w=112:h=48:color=0xdc2626@0.95:t=fill',
			text('LIVE', 52, 50, 30),
			text('Quanzi live demo', '(w-text_w)/2', 140, 40),
			text(clock, '(w-text_w)/2', 820, 72),
		].map((filter) => `,${filter}`).join('')
	: ''
const video = `${backdrop}[bg];${dot}[dot];[bg][dot]${place}${captions},format=yuv420p[v]`
// An A major / F♯ minor pad; each chord fades in and out over its 4 s, so the change never clicks.
const chord = (a, b, c) => `(sin(2*PI*${a}*t)+sin(2*PI*${b}*t)+sin(2*PI*${c}*t))`
const audio = `aevalsrc='0.07*pow(sin(PI*mod(t,4)/4),2)*if(lt(mod(t,8),4),${chord(220, 277.18, 329.63)},${chord(185, 220, 277.18)})':s=44100:d=${SECONDS}[a]`

/** Runs ffmpeg; its stderr is shown without the static build's harmless fontconfig and hls warnings. */
function ffmpegRun(args) {
	const result = spawnSync(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', ...args], { encoding: 'utf8' })
	const noise = /^Fontconfig warning|Cannot use rename on non file protocol/
	const shown = result.stderr.split('\n').filter((line) => line && !noise.test(line))
	if (shown.length) console.error(shown.join('\n'))
	if (result.status !== 0) throw new Error(`ffmpeg failed (exit ${result.status ?? result.signal})`)
}

rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })
const replay = path.join(out, 'replay.mp4')
// H.264 Main + AAC-LC: what Safari plays natively and hls.js carries through MSE in Chromium
// and Firefox. +faststart puts the MP4's index first, so a replay starts before it has all downloaded.
ffmpegRun([
	'-filter_complex', `${video};${audio}`, '-map', '[v]', '-map', '[a]',
	'-c:v', 'libx264', '-profile:v', 'main', '-level', '3.1', '-preset', 'slow', '-crf', '32',
	'-g', String(GOP), '-keyint_min', String(GOP), '-sc_threshold', '0',
	'-c:a', 'aac', '-b:a', '48k', '-ac', '1',
	'-movflags', '+faststart', replay,
])
// The same frames cut into 2 s HLS segments. NOTE: fragmented MP4, not MPEG-TS: tsc would take
// `.ts` segments for TypeScript source, and MSE plays fMP4 without hls.js transmuxing it.
ffmpegRun([
	'-i', replay, '-c', 'copy',
	'-f', 'hls', '-hls_time', '2', '-hls_playlist_type', 'vod', '-hls_segment_type', 'fmp4',
	'-hls_fmp4_init_filename', 'init.mp4', '-hls_segment_filename', path.join(out, 'segment-%02d.m4s'),
	path.join(out, 'index.m3u8'),
])

let total = 0
for (const file of readdirSync(out)) total += statSync(path.join(out, file)).size
console.log(`Wrote ${readdirSync(out).length} files to ${path.relative(root, out)} (${Math.round(total / 1024)} KB).`)
