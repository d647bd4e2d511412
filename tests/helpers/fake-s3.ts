// An S3-compatible server on loopback for tests (s3rver, files under TMP): the outside
// world faked at its edge, so the store talks real S3 HTTP through the real SDK.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync } from 'node:fs'
import path from 'node:path'
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import type { S3StoreConfig } from '#app/domain/media/s3-store.server.ts'
import { ROOT, TMP } from '../setup/paths.ts'

// NOTE: s3rver runs in a child process because it signs its ListObjectsV2 continuation
// tokens with DES, which Node's OpenSSL 3 offers only behind --openssl-legacy-provider
// (without it, listing past 1000 keys is a 500). allowMismatchedSignatures: s3rver signs a
// bucket-level path as "/bucket" where the SDK (and AWS) sign "/bucket/", so every listing
// would fail its signature check. Both are bugs of the fake, not of what we test.
const RUN_S3RVER = `
const S3rver = require('@20minutes/s3rver')
const [directory, bucket] = process.argv.slice(1)
new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }], allowMismatchedSignatures: true })
	.run()
	.then((address) => console.log(JSON.stringify(address)))
// Ends with the test process that started it, even one that crashed.
process.stdin.on('end', () => process.exit(0)).resume()
`

export type FakeS3 = {
	endpoint: string
	bucket: string
	/** The S3_* settings that point the app at this server, with its objects under `prefix`. */
	env(prefix?: string): Record<string, string>
	/** A store config for this server, as s3ConfigFrom makes from those settings (prefix: '' or a folder ending in "/"). */
	storeConfig(prefix?: string): S3StoreConfig
	/** Every key in the bucket under `prefix`, sorted: what really landed there. */
	keys(prefix?: string): Promise<string[]>
	stop(): Promise<void>
}

// s3rver's built-in account.
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }

export async function startFakeS3(bucket = 'quanzi-media'): Promise<FakeS3> {
	mkdirSync(TMP, { recursive: true })
	const directory = mkdtempSync(path.join(TMP, 'fake-s3-'))
	const child = spawn(process.execPath, ['--openssl-legacy-provider', '-e', RUN_S3RVER, directory, bucket], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] })
	let output = ''
	const port = await new Promise<number>((resolve, reject) => {
		child.stderr!.on('data', (d: Buffer) => (output += d.toString()))
		child.stdout!.on('data', (d: Buffer) => {
			output += d.toString()
			const line = /^\{.*"port":(\d+).*\}$/m.exec(output)
			if (line) resolve(Number(line[1]))
		})
		child.on('exit', (code) => reject(new Error(`the fake S3 server exited with ${code}:\n${output}`)))
	})
	const endpoint = `http://127.0.0.1:${port}`
	const client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials })
	return {
		endpoint,
		bucket,
		env: (prefix) => ({
			S3_BUCKET: bucket,
			S3_ENDPOINT: endpoint,
			S3_ACCESS_KEY_ID: credentials.accessKeyId,
			S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
			...(prefix ? { S3_PREFIX: prefix } : {}),
		}),
		storeConfig: (prefix = '') => ({ bucket, region: 'us-east-1', endpoint, credentials, forcePathStyle: true, prefix }),
		async keys(prefix = '') {
			const keys: string[] = []
			let ContinuationToken: string | undefined
			do {
				const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken }))
				keys.push(...(page.Contents ?? []).flatMap((o) => (o.Key ? [o.Key] : [])))
				ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined
			} while (ContinuationToken)
			return keys.sort()
		},
		async stop() {
			client.destroy()
			if (child.exitCode !== null) return
			const exited = new Promise((resolve) => child.on('exit', resolve))
			child.kill()
			await exited
		},
	}
}
