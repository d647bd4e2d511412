import path from 'node:path'

export const ROOT = path.resolve(import.meta.dirname, '../..')
/** Scratch space for test databases and logs; ignored by git. QUANZI_TEST_TMP gives a run its own. */
export const TMP = process.env.QUANZI_TEST_TMP ? path.resolve(process.env.QUANZI_TEST_TMP) : path.join(ROOT, 'tests/.tmp')
/** A database with every migration applied, copied for each test file and server. */
export const TEMPLATE_DB = path.join(TMP, 'template.db')
