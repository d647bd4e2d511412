/** English: live player, and the stream address check (`live.stream.*`). Spread into en.ts. */
export const enLivePlayer = {
	'livePlayer.unmute': 'Tap for sound',
	'livePlayer.failed': "The video can't be played right now. The chat and products still work; try reloading in a minute.",
	'livePlayer.unsupported': "This browser can't play the video. The chat and products still work; try an up-to-date Chrome, Safari or Firefox.",
	'livePlayer.retry': 'Try again',
	'live.stream.invalid': "Enter the stream's address: a link ending in .m3u8 (HLS) or .mp4.",
	'live.stream.origin': "Quanzi doesn't play video from this address yet. The administrator must add the streaming service's address (like https://stream.example.net) to LIVE_STREAM_ORIGINS and restart.",
	'live.stream.kind': 'The address must end in .m3u8 (HLS) or .mp4.',
} as const
