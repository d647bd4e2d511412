import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { MediaStrip } from '#app/components/posts/media-gallery.tsx'
import { ProductForm } from '#app/components/posts/product-form.tsx'
import { requireRole } from '#app/domain/accounts/auth.server.ts'
import { saveProductFromForm } from '#app/domain/posts/product-form.server.ts'
import { getProduct } from '#app/domain/posts/products.server.ts'
import { invariantResponse } from '#app/lib/http.ts'
import { pageTitle } from '#app/lib/i18n/meta.ts'
import { useT } from '#app/lib/i18n/use-t.ts'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'console.productsTitle')

export async function loader(args: LoaderFunctionArgs) {
	requireRole(args, 'merchant')
	const product = await getProduct(args.params.id!, { staff: true })
	invariantResponse(product, 'products.notFound', { status: 404 })
	return { product }
}

export async function action(args: ActionFunctionArgs) {
	const staff = requireRole(args, 'merchant')
	const result = await saveProductFromForm(args.request, staff.id, args.params.id!)
	if (!result.ok) return data(result, { status: result.formError === 'products.notFound' ? 404 : 400 })
	return redirect(`/console/products/${result.id}?saved=1`)
}

export default function ConsoleProductPage() {
	const t = useT()
	const { product } = useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>()
	const [params] = useSearchParams()
	return (
		<section className="card compose" aria-labelledby="page-title">
			<p><Link to="/console/products">← {t('console.productsTitle')}</Link></p>
			<h1 id="page-title">{product.name}</h1>
			{params.get('saved') && !failure ? <p className="form-success" role="status">{t('console.productSaved')}</p> : null}
			<MediaStrip media={product.media.map((m) => ({ ...m, status: 'ready', format: 'webp' }))} label={product.name} />
			<ProductForm product={product} failure={failure} submitLabel={t('console.productSave')} />
		</section>
	)
}
