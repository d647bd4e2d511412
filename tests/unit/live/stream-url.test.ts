import { describe, expect, test } from 'vitest'
import { checkStreamUrl, MAX_STREAM_URL_CHARS, streamKind } from '#app/domain/live/stream-url.ts'

const ALLOWED = ['https://stream.example.net', 'http://10.0.0.5:8080']

describe('checkStreamUrl', () => {
	test.each([
		['/demo/live/index.m3u8', '/demo/live/index.m3u8', 'hls'],
		['  /demo/live/replay.mp4\n', '/demo/live/replay.mp4', 'mp4'],
		['/live/room.M3U8?token=abc', '/live/room.M3U8?token=abc', 'hls'],
		['https://stream.example.net/live/abc/index.m3u8', 'https://stream.example.net/live/abc/index.m3u8', 'hls'],
		['HTTPS://Stream.Example.NET/v/replay.mp4?sig=1&exp=2', 'https://stream.example.net/v/replay.mp4?sig=1&exp=2', 'mp4'],
		['http://10.0.0.5:8080/hls/stream.m3u8', 'http://10.0.0.5:8080/hls/stream.m3u8', 'hls'],
	])('accepts %j as %j (%s)', (raw, url, kind) => {
		expect(checkStreamUrl(raw, ALLOWED)).toEqual({ ok: true, url, kind })
	})

	test.each([
		['an empty address', '   '],
		['javascript:', 'javascript:alert(1)//.m3u8'],
		['data:', 'data:application/vnd.apple.mpegurl;base64,I0VYVE0zVQ==.m3u8'],
		['a protocol-relative address', '//stream.example.net/live/index.m3u8'],
		['a backslash that browsers read as //', '/\\stream.example.net/live/index.m3u8'],
		['a tab inside the address', '/demo/live/\tindex.m3u8'],
		['credentials in the address', 'https://user:secret@stream.example.net/live/index.m3u8'],
		['a user name that looks like the allowed host', 'https://stream.example.net@evil.example/index.m3u8'],
		['another scheme', 'ftp://stream.example.net/live/index.m3u8'],
		['a relative path', 'live/index.m3u8'],
		['an address over the limit', `/${'a'.repeat(MAX_STREAM_URL_CHARS)}.m3u8`],
	])('refuses %s as invalid', (_case, raw) => {
		expect(checkStreamUrl(raw, ALLOWED)).toEqual({ ok: false, error: 'live.stream.invalid' })
	})

	test.each([
		['an origin not in the list', 'https://evil.example/live/index.m3u8', ALLOWED],
		['the right host on another port', 'https://stream.example.net:8443/live/index.m3u8', ALLOWED],
		['the right host over http', 'http://stream.example.net/live/index.m3u8', ALLOWED],
		['any absolute address when no origin is configured', 'https://stream.example.net/live/index.m3u8', []],
	])('refuses %s as a foreign origin', (_case, raw, allowed) => {
		expect(checkStreamUrl(raw, allowed)).toEqual({ ok: false, error: 'live.stream.origin' })
	})

	test.each([
		['a page', '/live/room'],
		['another video format', 'https://stream.example.net/live/video.webm'],
		['.m3u8 only in the query string', '/watch?file=index.m3u8'],
		['.mp4 only in the fragment', '/watch#replay.mp4'],
	])('refuses %s as the wrong kind', (_case, raw) => {
		expect(checkStreamUrl(raw, ALLOWED)).toEqual({ ok: false, error: 'live.stream.kind' })
	})

	test('an address of exactly the limit is accepted', () => {
		const raw = `/${'a'.repeat(MAX_STREAM_URL_CHARS - '/.mp4'.length)}.mp4`
		expect(raw).toHaveLength(MAX_STREAM_URL_CHARS)
		expect(checkStreamUrl(raw, ALLOWED)).toMatchObject({ ok: true, kind: 'mp4' })
	})
})

describe('streamKind', () => {
	test.each([
		['/demo/live/index.m3u8', 'hls'],
		['https://stream.example.net/a.mp4?x=.m3u8', 'mp4'],
		['/demo/live/replay.mov', null],
	])('%j is %s', (url, kind) => {
		expect(streamKind(url)).toBe(kind)
	})
})
