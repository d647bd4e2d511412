import type { enLiveConsole } from './en-live-console.ts'

/** 简体中文: 直播间控制台。Typed against en-live-console.ts, so a missing key fails the type check. */
export const zhCNLiveConsole: Record<keyof typeof enLiveConsole, string> = {
}
