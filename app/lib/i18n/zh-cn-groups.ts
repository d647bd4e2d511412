import type { enGroups } from './en-groups.ts'

/** 简体中文: 小组。Typed against en-groups.ts, so a missing key fails the type check. */
export const zhCNGroups: Record<keyof typeof enGroups, string> = {
}
