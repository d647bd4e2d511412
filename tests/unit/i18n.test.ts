import { describe, expect, test } from 'vitest'
import { en } from '#app/lib/i18n/en.ts'
import { negotiateLocale, translator } from '#app/lib/i18n/index.ts'
import { zhCN } from '#app/lib/i18n/zh-cn.ts'
import { NOTIFICATION_KINDS } from '#app/domain/notifications/notifications.server.ts'

describe('locales', () => {
	test('zh-CN and en have exactly the same keys, none empty', () => {
		expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort())
		for (const [key, text] of [...Object.entries(en), ...Object.entries(zhCN)]) expect(text.trim(), key).not.toBe('')
	})

	test('both locales use the same placeholders in each message', () => {
		const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
		for (const key of Object.keys(en) as (keyof typeof en)[]) expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]))
	})

	test('every notification kind has a message', () => {
		for (const kind of NOTIFICATION_KINDS) expect(Object.keys(en)).toContain(`notification.${kind}`)
	})

	test('placeholders are filled and unknown ones kept', () => {
		expect(translator('en')('home.welcome', { name: 'Mei' })).toBe('Welcome back, Mei')
		expect(translator('zh-CN')('home.welcome', { name: '小美' })).toBe('欢迎回来，小美')
		expect(translator('en')('home.welcome')).toBe('Welcome back, {name}')
	})

	test.each([
		['en-US,en;q=0.9', 'en'],
		['zh-TW,zh;q=0.9,en;q=0.8', 'zh-CN'],
		['fr-FR,en;q=0.5,zh;q=0.7', 'zh-CN'],
		['fr-FR,de;q=0.8', undefined],
		['', undefined],
		['en;q=0,zh-CN', 'zh-CN'],
	])('Accept-Language %j picks %s', (header, expected) => {
		expect(negotiateLocale(header)).toBe(expected)
	})
})
