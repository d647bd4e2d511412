/**
 * One instance per process, shared by server.ts and the Remix build (two module
 * graphs in one process) and kept across dev reloads.
 */
export function remember<T>(name: string, create: () => T): T {
	const store = globalThis as unknown as { __quanzi?: Map<string, unknown> }
	store.__quanzi ??= new Map()
	if (!store.__quanzi.has(name)) store.__quanzi.set(name, create())
	return store.__quanzi.get(name) as T
}
