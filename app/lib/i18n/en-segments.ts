/** English: tags, segments, targeted content and children's profiles. Spread into en.ts. */
export const enSegments = {
	'segments.consoleLink': 'Segments',
	'family.meLink': 'My family',
} as const
