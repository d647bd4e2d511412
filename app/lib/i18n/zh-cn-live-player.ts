import type { enLivePlayer } from './en-live-player.ts'

/** 简体中文: 直播播放器。Typed against en-live-player.ts, so a missing key fails the type check. */
export const zhCNLivePlayer: Record<keyof typeof enLivePlayer, string> = {
}
