// bench:http's baseline for pages: a bare Remix route. Quanzi's own production build (its
// entry.server, the same React and Remix, @remix-run/express and compression as server.ts),
// with the routes swapped for one root route that renders a one-paragraph document: no loader,
// no session, no database, no layout. What a page costs above this is Quanzi's own work.
// Started by tests/bench/http.ts as a child process (NODE_ENV=production); reports its port
// over IPC once listening, and ends when the benchmark closes the channel. No route is added
// to the app itself.
import { createServer } from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { createElement as h } from 'react'
import { ROOT } from '../setup/paths.ts'

const real = (await import(pathToFileURL(path.join(ROOT, 'build/server/index.js')).href)) as ServerBuild

function BarePage() {
	return h('html', { lang: 'en' }, h('head', null, h('meta', { charSet: 'utf-8' }), h('title', null, 'Quanzi')), h('body', null, h('p', null, 'A bare Remix route.')))
}

// NOTE: Remix renders the routes the client manifest lists, so it must list the same one route.
const rootEntry = real.assets.routes.root!
const build: ServerBuild = {
	...real,
	routes: { root: { id: 'root', path: '', module: { default: BarePage } } },
	assets: { ...real.assets, routes: { root: { ...rootEntry, hasLoader: false, hasAction: false, hasClientLoader: false, hasClientAction: false, hasErrorBoundary: false } } },
}

const app = express()
app.disable('x-powered-by')
app.use(compression())
app.all('*', createRequestHandler({ build, mode: 'production' }))

const httpServer = createServer(app)
httpServer.listen(0, '127.0.0.1', () => {
	const address = httpServer.address()
	process.send?.({ port: typeof address === 'object' && address ? address.port : 0 })
})
process.on('disconnect', () => process.exit(0))
