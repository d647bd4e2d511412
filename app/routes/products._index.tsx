import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { EmptyState } from '#app/components/empty-state.tsx'
import { MediaImage } from '#app/components/posts/media-gallery.tsx'
import { Stars } from '#app/components/posts/stars.tsx'
import { listProducts } from '#app/domain/posts/products.server.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { usePrice } from '#app/lib/i18n/format.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'products.title')

export async function loader(_: LoaderFunctionArgs) {
	return { products: await listProducts() }
}

export default function ProductsPage() {
	const t = useT()
	const { products } = useLoaderData<typeof loader>()
	const price = usePrice()
	return (
		<section aria-labelledby="page-title">
			<h1 id="page-title">{t('products.title')}</h1>
			{products.length === 0 ? (
				<EmptyState icon="box">{t('products.empty')}</EmptyState>
			) : (
				<ul className="product-grid">
					{products.map((p) => (
						<li key={p.id}>
							<Link to={`/products/${p.id}`} className="card product-card">
								{p.coverId ? (
									<MediaImage media={{ id: p.coverId, kind: 'image', status: 'ready', width: null, height: null, placeholder: null, format: 'webp' }} alt="" sizes="(min-width: 840px) 300px, 50vw" />
								) : (
									<span className="product-noimage" aria-hidden="true">{p.name.slice(0, 1)}</span>
								)}
								<strong>{p.name}</strong>
								<span className="product-price">{price(p.priceCents)}</span>
								{p.average ? (
									<span className="product-rating">
										<Stars rating={p.average} size="sm" /> {t('products.reviews', { count: p.reviewCount })}
									</span>
								) : (
									<span className="muted">{t('products.noReviews')}</span>
								)}
							</Link>
						</li>
					))}
				</ul>
			)}
		</section>
	)
}
