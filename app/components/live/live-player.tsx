import type Hls from 'hls.js'
import { useEffect, useRef, useState } from 'react'
import { streamKind } from '#app/domain/live/stream-url.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export type LivePlayerProps = {
	/** A checked stream address (checkStreamUrl): HLS (.m3u8) or MP4. */
	src: string
	poster?: string
	title: string
	/** Live: autoplays muted with a "Tap for sound" button. Replay: waits for the viewer. */
	live: boolean
	/** The playback position on every timeupdate, so a replay can sync chat and pins. */
	onTime?: (seconds: number) => void
	/** True while frames advance; false on pause, end and buffering. */
	onPlayingChange?(playing: boolean): void
}

type Failure = 'livePlayer.failed' | 'livePlayer.unsupported'
const HLS_MIME = 'application/vnd.apple.mpegurl'

/** The live room's video: the stream plays natively where it can, through hls.js elsewhere. */
export function LivePlayer({ src, poster, title, live, onTime, onPlayingChange }: LivePlayerProps) {
	const t = useT()
	const videoRef = useRef<HTMLVideoElement>(null)
	const hlsRef = useRef<Hls | null>(null)
	const [failure, setFailure] = useState<Failure | null>(null)
	// Browsers only autoplay muted video, so a live room starts silent.
	const [muted, setMuted] = useState(live)
	const [attempt, setAttempt] = useState(0)

	useEffect(() => {
		const video = videoRef.current
		if (!video) return
		setFailure(null)
		// Safari, iOS and recent Chrome play HLS themselves; only other browsers download hls.js.
		if (streamKind(src) !== 'hls' || video.canPlayType(HLS_MIME)) {
			video.src = src
			return () => {
				// Removing the source and reloading is what stops the download.
				video.removeAttribute('src')
				video.load()
			}
		}
		let cancelled = false
		import('hls.js')
			.then(({ default: HlsPlayer }) => {
				if (cancelled) return
				if (!HlsPlayer.isSupported()) return setFailure('livePlayer.unsupported')
				hlsRef.current = playWithHls(HlsPlayer, video, src, () => setFailure('livePlayer.failed'))
			})
			.catch(() => {
				if (!cancelled) setFailure('livePlayer.failed')
			})
		return () => {
			cancelled = true
			hlsRef.current?.destroy()
			hlsRef.current = null
		}
	}, [src, attempt])

	function unmute() {
		const video = videoRef.current
		if (!video) return
		video.muted = false
		// play() also starts a video whose muted autoplay was blocked; a rejection only means a
		// newer load interrupted it, and real failures arrive through the error handlers.
		video.play().catch(() => {})
	}

	return (
		<div className="live-player">
			<video
				ref={videoRef}
				aria-label={title}
				poster={poster}
				playsInline
				controls
				muted={live}
				autoPlay={live}
				// A live stream never ends; a recorded one shown live (a rehearsal, the demo) starts over rather than freezing.
				loop={live}
				preload={live ? 'auto' : 'metadata'}
				onTimeUpdate={(event) => onTime?.(event.currentTarget.currentTime)}
				onPlaying={() => onPlayingChange?.(true)}
				onPause={() => onPlayingChange?.(false)}
				onEnded={() => onPlayingChange?.(false)}
				onWaiting={() => onPlayingChange?.(false)}
				onVolumeChange={(event) => setMuted(event.currentTarget.muted)}
				// With hls.js attached, its own error events decide (it may recover first).
				onError={() => {
					if (!hlsRef.current) setFailure('livePlayer.failed')
				}}
			/>
			{live && muted && !failure ? (
				<button type="button" className="live-player-unmute" onClick={unmute}>
					{t('livePlayer.unmute')}
				</button>
			) : null}
			{failure ? (
				<div className="live-player-failed" role="alert">
					<p>{t(failure)}</p>
					<button type="button" className="button button-light" onClick={() => setAttempt((n) => n + 1)}>
						{t('livePlayer.retry')}
					</button>
				</div>
			) : null}
		</div>
	)
}

/** hls.js on the video; a fatal error ends in onFatal, after one try at recovering a media error. */
function playWithHls(HlsPlayer: typeof Hls, video: HTMLVideoElement, src: string, onFatal: () => void): Hls {
	const hls = new HlsPlayer({
		// NOTE: hls.js starts its worker from a blob: URL, which would need `worker-src blob:` in
		// the CSP, i.e. scripts from blobs; transmuxing a phone-sized stream on the main thread
		// costs little, so the worker stays off and the CSP stays strict.
		enableWorker: false,
		// Without a limit, a two-hour live keeps every played segment in a phone's memory.
		backBufferLength: 60,
	})
	let recovering = false
	hls.on(HlsPlayer.Events.ERROR, (_event, data) => {
		if (!data.fatal) return
		if (data.type === HlsPlayer.ErrorTypes.MEDIA_ERROR && !recovering) {
			recovering = true
			hls.recoverMediaError()
			return
		}
		onFatal()
	})
	hls.loadSource(src)
	hls.attachMedia(video)
	return hls
}
