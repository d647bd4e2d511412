import type { enLivePlayer } from './en-live-player.ts'

/** 简体中文: 直播播放器。Typed against en-live-player.ts, so a missing key fails the type check. */
export const zhCNLivePlayer: Record<keyof typeof enLivePlayer, string> = {
	'livePlayer.unmute': '点击开启声音',
	'livePlayer.failed': '视频暂时无法播放。聊天和商品仍可正常使用，请一分钟后刷新页面再试。',
	'livePlayer.unsupported': '此浏览器无法播放该视频。聊天和商品仍可正常使用，请换用最新版的 Chrome、Safari 或 Firefox。',
	'livePlayer.retry': '重试',
	'live.stream.invalid': '请输入直播流地址：以 .m3u8（HLS）或 .mp4 结尾的链接。',
	'live.stream.origin': 'Quanzi 暂不能播放来自该地址的视频。请管理员将直播服务的地址（如 https://stream.example.net）加入 LIVE_STREAM_ORIGINS 并重启。',
	'live.stream.kind': '地址必须以 .m3u8（HLS）或 .mp4 结尾。',
}
