import type { enLive } from './en-live.ts'

/** 简体中文: 直播间。Typed against en-live.ts, so a missing key fails the type check. */
export const zhCNLive: Record<keyof typeof enLive, string> = {
}
