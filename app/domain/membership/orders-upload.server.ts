import { createHash, randomUUID } from 'node:crypto'
import { mkdir, open, readdir, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import busboy from 'busboy'
import { getEnv } from '#app/lib/env.server.ts'
import { MAX_CSV_BYTES, type RowProblem } from './order-schema.ts'
import { fileTooLarge } from './orders-csv.server.ts'

// The console's CSV upload. The file streams to disk as it arrives, counted and hashed on the
// way (never whole in memory), and is kept as DATA_DIR/imports/<sha256>.csv between the
// preview and the import, so the import reads exactly the bytes the merchant previewed.

export type ReceivedFile = { ok: true; sha256: string; name: string; bytes: number } | { ok: false; problem: RowProblem }

/**
 * After the limit, the rest of an oversized upload is read and dropped (browsers show no
 * response to an upload the server stops reading) and counted, so the message can say its
 * size; past this much the connection is cut instead.
 */
const DRAIN_CAP = 512 * 1024 * 1024
/** Previewed files nobody imported are deleted after a day. */
const KEEP_MS = 24 * 3600_000
const SHA256 = /^[0-9a-f]{64}$/

const importsDir = () => path.resolve(getEnv().DATA_DIR, 'imports')
const cleanName = (raw: string) => (raw.split(/[/\\]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || 'orders.csv'

/** The kept file of a preview, by the hash the console posts back; null when it is gone (or the hash is not one). */
export async function readKeptFile(sha256: string): Promise<Buffer | null> {
	if (!SHA256.test(sha256)) return null
	return readFile(path.join(importsDir(), `${sha256}.csv`)).catch(() => null)
}

export async function discardKeptFile(sha256: string): Promise<void> {
	if (SHA256.test(sha256)) await rm(path.join(importsDir(), `${sha256}.csv`), { force: true })
}

async function pruneKeptFiles(dir: string, now: number) {
	for (const name of await readdir(dir).catch(() => [] as string[])) {
		const file = path.join(dir, name)
		const info = await stat(file).catch(() => null)
		if (info && now - info.mtimeMs > KEEP_MS) await rm(file, { force: true })
	}
}

/** Reads the `file` field of a multipart POST into the imports folder; anything else in the form is ignored. */
export async function receiveOrderFile(request: Request): Promise<ReceivedFile> {
	const contentType = request.headers.get('content-type') ?? ''
	if (!/^multipart\/form-data;/i.test(contentType) || !request.body) return { ok: false, problem: { key: 'orders.file.missing' } }
	const dir = importsDir()
	await mkdir(dir, { recursive: true })
	await pruneKeptFiles(dir, Date.now())

	const source = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>)
	let parser: busboy.Busboy
	try {
		parser = busboy({ headers: { 'content-type': contentType }, defParamCharset: 'utf8', limits: { files: 1, fields: 10, fieldSize: 1024, parts: 20 } })
	} catch {
		return { ok: false, problem: { key: 'orders.file.missing' } }
	}
	let result: ReceivedFile | null = null
	let settle: () => void = () => {}
	const done = new Promise<void>((resolve) => (settle = resolve))
	const cut = () => {
		source.unpipe(parser)
		source.destroy()
		settle()
	}
	const tasks: Promise<void>[] = []

	async function stage(stream: Readable, filename: string) {
		const temp = path.join(dir, `upload-${randomUUID()}.part`)
		const hash = createHash('sha256')
		let handle: FileHandle | null = await open(temp, 'wx', 0o600)
		let bytes = 0
		try {
			for await (const chunk of stream as AsyncIterable<Buffer>) {
				bytes += chunk.length
				if (bytes > MAX_CSV_BYTES) {
					// Over the limit: stop writing, drop what was written, keep counting.
					if (handle) {
						await handle.close()
						handle = null
						await rm(temp, { force: true })
					}
					if (bytes > DRAIN_CAP) {
						result = { ok: false, problem: fileTooLarge(null) }
						stream.destroy()
						cut()
						return
					}
					continue
				}
				hash.update(chunk)
				await handle!.write(chunk)
			}
		} catch {
			result ??= { ok: false, problem: { key: 'orders.file.missing' } }
		} finally {
			await handle?.close()
		}
		if (bytes > MAX_CSV_BYTES) return void (result = { ok: false, problem: fileTooLarge(bytes) })
		if (result || bytes === 0) return void (await rm(temp, { force: true }))
		const sha256 = hash.digest('hex')
		await rename(temp, path.join(dir, `${sha256}.csv`))
		result = { ok: true, sha256, name: cleanName(filename), bytes }
	}

	parser.on('file', (field, stream, info) => {
		if (field !== 'file' || tasks.length > 0) stream.resume()
		else tasks.push(stage(stream, info.filename ?? ''))
	})
	parser.on('close', () => settle())
	parser.on('error', () => {
		result ??= { ok: false, problem: { key: 'orders.file.missing' } }
		cut()
	})
	source.on('error', () => cut())
	source.pipe(parser)
	await done
	await Promise.all(tasks)
	return result ?? { ok: false, problem: { key: 'orders.file.missing' } }
}
