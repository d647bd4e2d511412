import type { RowProblem } from './order-schema.ts'

// What the console's order pages receive from the server: plain data, shared by the domain
// and the components (which must not import values from .server.ts files).

export type RowAction = 'create' | 'update' | 'unchanged' | 'error'
export type PlanCounts = { create: number; update: number; unchanged: number; error: number; warning: number }
export type ImportCounts = { created: number; updated: number; unchanged: number; failed: number }
export type ListedRow = { row: number; id: string; action: RowAction; message: RowProblem | null }

export type ConsoleOutcome =
	| { kind: 'fileError'; problem: RowProblem }
	| { kind: 'preview'; sha256: string; fileName: string; counts: PlanCounts; rows: ListedRow[]; more: number }
	| { kind: 'imported'; fileName: string; counts: ImportCounts; errors: ListedRow[]; more: number; unlinked: number }
