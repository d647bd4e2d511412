// npm run db:deploy: applies pending migrations to DATABASE_URL (SQLite or PostgreSQL), as npm start does.
import { applyMigrations } from './lib.mjs'

await applyMigrations(process.env.DATABASE_URL || 'file:./data/quanzi.db')
