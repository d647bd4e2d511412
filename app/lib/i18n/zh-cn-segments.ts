import type { enSegments } from './en-segments.ts'

/** 简体中文: tags, segments, targeted content and children's profiles. Typed against en-segments.ts, so a missing key fails the type check. */
export const zhCNSegments: Record<keyof typeof enSegments, string> = {
	'segments.consoleLink': '人群',
	'family.meLink': '我的家人',
}
