import path from 'node:path'

export const ROOT = path.resolve(import.meta.dirname, '../..')
/** Scratch space for test databases and logs; ignored by git. */
export const TMP = path.join(ROOT, 'tests/.tmp')
/** A database with every migration applied, copied for each test file and server. */
export const TEMPLATE_DB = path.join(TMP, 'template.db')
