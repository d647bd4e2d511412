import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { MediaGallery } from '#app/components/posts/media-gallery.tsx'
import { PostList } from '#app/components/posts/post-list.tsx'
import { Stars } from '#app/components/posts/stars.tsx'
import { getProduct } from '#app/domain/posts/products.server.ts'
import { isStaff, listProductReviews, ratingSummary } from '#app/domain/posts/queries.server.ts'
import { REVIEW_SORTS, type ReviewSort } from '#app/domain/posts/views.ts'
import { invariantResponse } from '#app/lib/http.ts'
import { usePrice } from '#app/lib/i18n/format.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `${d.product.name} · Quanzi` : 'Quanzi' }]

export async function loader({ params, request, context }: LoaderFunctionArgs) {
	const product = await getProduct(params.id!, { staff: isStaff(context.user) })
	invariantResponse(product, 'products.notFound', { status: 404 })
	const url = new URL(request.url)
	const sort: ReviewSort = REVIEW_SORTS.find((s) => s === url.searchParams.get('sort')) ?? 'newest'
	const [summary, reviews] = await Promise.all([ratingSummary(product.id), listProductReviews(product.id, sort, context.user, { cursor: url.searchParams.get('cursor') })])
	return { product, summary, sort, ...reviews }
}

export default function ProductPage() {
	const t = useT()
	const { product, summary, sort, items, nextCursor } = useLoaderData<typeof loader>()
	const price = usePrice()
	return (
		<>
			<section className="card product-head" aria-labelledby="page-title">
				<MediaGallery media={product.media.map((m) => ({ ...m, status: 'ready', format: 'webp' }))} label={product.name} />
				<div className="stack">
					<h1 id="page-title">{product.name}</h1>
					<p className="product-price">{price(product.priceCents)}</p>
					{product.description ? <p className="post-body-full">{product.description}</p> : null}
					{product.status === 'active' ? <Link to={`/posts/new?product=${product.id}`} className="button button-primary">{t('products.writeReview')}</Link> : null}
				</div>
			</section>
			<section className="card rating-summary" aria-labelledby="summary-title">
				<h2 id="summary-title">{t('products.summary')}</h2>
				{summary.average ? (
					<div className="summary-grid">
						<div>
							<p className="summary-average">{summary.average}</p>
							<Stars rating={summary.average} />
							<p className="muted">{t('products.reviews', { count: summary.count })}</p>
						</div>
						<ul className="histogram">
							{([5, 4, 3, 2, 1] as const).map((stars) => (
								<li key={stars} aria-label={t('products.histogramRow', { stars, count: summary.histogram[stars] })}>
									<span aria-hidden="true">{stars}★</span>
									<meter min={0} max={summary.count} value={summary.histogram[stars]} aria-hidden="true" />
									<span aria-hidden="true">{summary.histogram[stars]}</span>
								</li>
							))}
						</ul>
					</div>
				) : (
					<p className="muted">{t('products.noReviews')}</p>
				)}
			</section>
			<section aria-labelledby="reviews-title">
				<h2 id="reviews-title">{t('products.reviewsTitle')}</h2>
				<nav className="tabs" aria-label={t('products.sort')}>
					{REVIEW_SORTS.map((s) => (
						<Link key={s} to={s === 'newest' ? '.' : `?sort=${s}`} aria-current={s === sort ? 'page' : undefined} className="tab" preventScrollReset>
							{t(`products.sort.${s}`)}
						</Link>
					))}
				</nav>
				<PostList items={items} empty={t('products.reviewsEmpty')} emptyIcon="star" nextHref={nextCursor ? `?${new URLSearchParams({ sort, cursor: nextCursor })}` : null} />
			</section>
		</>
	)
}
