import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'

// Any address no other route claims: the 404 page, with status 404.
export function loader() {
	throw new Response('Not found', { status: 404 })
}

export default function NotFound() {
	return <GeneralErrorBoundary />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
