import { spawn } from 'node:child_process'
import { constants } from 'node:fs'
import { access, chmod } from 'node:fs/promises'
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg'
import ffprobeInstaller from '@ffprobe-installer/ffprobe'

// ffmpeg 4.1 and ffprobe come as static binaries inside their npm packages
// (@ffmpeg-installer/*, @ffprobe-installer/*), so no system install is needed.
const BINARIES = { ffmpeg: ffmpegInstaller.path, ffprobe: ffprobeInstaller.path }
type Binary = keyof typeof BINARIES

const checked = new Map<Binary, Promise<string>>()

// NOTE: npm may skip these packages' postinstall `chmod u+x` (e.g. with --ignore-scripts),
// leaving the binaries unexecutable; fix that once, before the first use.
function executable(name: Binary): Promise<string> {
	let ready = checked.get(name)
	if (!ready) {
		const file = BINARIES[name]
		ready = access(file, constants.X_OK)
			.catch(() => chmod(file, 0o755))
			.then(() => file)
		ready.catch(() => checked.delete(name))
		checked.set(name, ready)
	}
	return ready
}

export class BinaryError extends Error {
	constructor(message: string, readonly stderr: string) {
		super(message)
		this.name = 'BinaryError'
	}
}

const running = new Set<ReturnType<typeof spawn>>()
// A child outlives a crashed or stopped server unless told otherwise.
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')))

/**
 * Runs ffmpeg or ffprobe with an argument array (never a shell, so a file name cannot
 * become a command), killed after `timeoutMs`. Resolves with stdout; rejects on a
 * non-zero exit with the tail of stderr, which is for logs, not for members.
 */
export async function runBinary(name: Binary, args: string[], timeoutMs: number): Promise<Buffer> {
	const file = await executable(name)
	return new Promise((resolve, reject) => {
		const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] })
		running.add(child)
		const out: Buffer[] = []
		let err = ''
		child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
		child.stderr.on('data', (chunk: Buffer) => (err = (err + chunk.toString()).slice(-4000)))
		const timer = setTimeout(() => {
			err += `\n${name} stopped after ${timeoutMs} ms`
			child.kill('SIGKILL')
		}, timeoutMs)
		child.on('error', (error) => {
			clearTimeout(timer)
			running.delete(child)
			reject(error)
		})
		child.on('close', (code) => {
			clearTimeout(timer)
			running.delete(child)
			if (code === 0) resolve(Buffer.concat(out))
			else reject(new BinaryError(`${name} exited with ${code ?? 'a signal'}: ${err.trim().split('\n').slice(-3).join(' | ')}`, err))
		})
	})
}
