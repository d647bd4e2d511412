import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { ProductForm } from '#app/components/posts/product-form.tsx'
import { requireRole } from '#app/domain/accounts/auth.server.ts'
import { saveProductFromForm } from '#app/domain/posts/product-form.server.ts'
import { listProducts } from '#app/domain/posts/products.server.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { usePrice } from '#app/lib/i18n/format.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'console.productsTitle')

export async function loader(args: LoaderFunctionArgs) {
	requireRole(args, 'merchant')
	return { products: await listProducts({ includeAll: true }) }
}

export async function action(args: ActionFunctionArgs) {
	const staff = requireRole(args, 'merchant')
	const result = await saveProductFromForm(args.request, staff.id)
	if (!result.ok) return data(result, { status: 400 })
	return redirect(`/console/products/${result.id}?saved=1`)
}

export default function ConsoleProductsPage() {
	const t = useT()
	const { products } = useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>()
	const price = usePrice()
	return (
		<section aria-labelledby="page-title">
			<h1 id="page-title">{t('console.productsTitle')}</h1>
			<p className="muted">{t('console.productsIntro')}</p>
			{products.length === 0 ? <p className="muted">{t('console.productsEmpty')}</p> : (
				<div className="table-wrap">
					<table>
						<thead>
							<tr><th>{t('product.name')}</th><th>{t('product.sku')}</th><th>{t('product.price')}</th><th>{t('product.status')}</th><th>{t('products.reviewsTitle')}</th><th /></tr>
						</thead>
						<tbody>
							{products.map((p) => (
								<tr key={p.id}>
									<td><Link to={`/products/${p.id}`}>{p.name}</Link></td>
									<td>{p.sku}</td>
									<td>{price(p.priceCents)}</td>
									<td>{t(`product.status.${p.status as 'active'}`)}</td>
									<td>{p.reviewCount}</td>
									<td><Link to={`/console/products/${p.id}`}>{t('console.productEdit')}</Link></td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			<div className="card">
				<h2>{t('console.productNew')}</h2>
				<ProductForm failure={failure} submitLabel={t('console.productAdd')} />
			</div>
		</section>
	)
}
