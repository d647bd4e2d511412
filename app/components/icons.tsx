import type { SVGProps } from 'react'

// Line icons drawn on a 24-pixel grid; they inherit the text colour.
const PATHS = {
	feed: 'M4 5h16M4 12h16M4 19h10',
	vote: 'M7 11l3 3 7-7M5 4h14a1 1 0 011 1v14a1 1 0 01-1 1H5a1 1 0 01-1-1V5a1 1 0 011-1z',
	live: 'M3 7h13a1 1 0 011 1v8a1 1 0 01-1 1H3a1 1 0 01-1-1V8a1 1 0 011-1zm14 4l5-3v8l-5-3',
	groups: 'M9 11a3 3 0 100-6 3 3 0 000 6zm7 0a2.5 2.5 0 100-5M3 20c0-3 3-5 6-5s6 2 6 5m2-5c2.5 0 4 1.7 4 4',
	me: 'M12 12a4 4 0 100-8 4 4 0 000 8zm-7 9c0-4 3-6 7-6s7 2 7 6',
	console: 'M4 20V10m6 10V4m6 16v-7m6 7H2',
	bell: 'M6 16V11a6 6 0 1112 0v5l2 2H4l2-2zm4 4h4',
	globe: 'M12 21a9 9 0 100-18 9 9 0 000 18zm-9-9h18M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9c-2.5-2.5-3.5-5.5-3.5-9s1-6.5 3.5-9z',
	logout: 'M15 12H4m4-4l-4 4 4 4M13 4h6a1 1 0 011 1v14a1 1 0 01-1 1h-6',
	star: 'M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1-4.4-4.3 6.1-.9L12 3z',
	key: 'M14 10a4 4 0 10-3.9 4H12v2h2v2h3v-3l-3.3-3.3A4 4 0 0014 10z',
	heart: 'M12 20s-7-4.4-7-10a4 4 0 017-2.6A4 4 0 0119 10c0 5.6-7 10-7 10z',
	comment: 'M4 5h16v11H9l-5 4V5z',
	flag: 'M5 21V4m0 0h11l-2 4 2 4H5',
	check: 'M5 12l5 5 9-10',
	camera: 'M4 8h3l2-3h6l2 3h3v11H4V8zm8 9a4 4 0 100-8 4 4 0 000 8z',
	play: 'M8 5v14l11-7L8 5z',
	pen: 'M4 20h4L19 9l-4-4L4 16v4zm10-14l4 4',
	box: 'M3 7l9-4 9 4v10l-9 4-9-4V7zm0 0l9 4 9-4M12 11v10',
	shield: 'M12 3l8 3v6c0 4.5-3.4 8.3-8 9-4.6-.7-8-4.5-8-9V6l8-3z',
} as const

export type IconName = keyof typeof PATHS

export function Icon({ name, ...props }: { name: IconName } & SVGProps<SVGSVGElement>) {
	return (
		<svg viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" {...props}>
			<path d={PATHS[name]} />
		</svg>
	)
}
