import { parseArgs } from 'node:util'
import { insertUser, newUserSchema } from '@/lib/users'
import { UsageError, runWithDatabase } from './run'

const usage = 'Usage: npm run user:create -- --email someone@example.com --role admin|editor|writer [--name "Full Name"] [--password …]'

// No top-level await: tsx runs these files as CommonJS. runWithDatabase reports its own errors.
void runWithDatabase(async (db) => {
  const { values } = parseUsage()
  const input = newUserSchema.safeParse({
    email: values.email,
    role: values.role,
    name: values.name ?? values.email?.split('@')[0],
    password: values.password,
  })
  if (!input.success) {
    throw new UsageError(`${input.error.issues.map((issue) => `--${String(issue.path[0])}: ${issue.message}`).join('; ')}\n${usage}`)
  }
  const result = await insertUser(db, input.data)
  if (!result.ok) throw new UsageError(result.message)
  console.log(`Created ${result.person.role} ${result.person.email}.`)
  if (!values.password) console.log(`Password: ${result.password} (shown once)`)
})

function parseUsage() {
  try {
    return parseArgs({
      options: {
        email: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        password: { type: 'string' },
      },
    })
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${usage}`)
  }
}
