// npm run merchant:create -- <email> <password>: creates a merchant account, or promotes an existing one.
import { ensureMerchant } from '#app/domain/accounts/accounts.server.ts'
import { connectDatabase, prisma } from '#app/lib/db.server.ts'

const [email, password] = process.argv.slice(2)
if (!email || !password || password.length < 10) {
	console.error('Usage: npm run merchant:create -- boss@yourshop.com "a password of 10 or more characters"')
	process.exit(2)
}
await connectDatabase()
const outcome = await ensureMerchant(email, password)
console.log({ created: `Merchant ${email} created.`, promoted: `${email} is now a merchant (password unchanged).`, unchanged: `${email} is already a merchant.` }[outcome])
await prisma.$disconnect()
