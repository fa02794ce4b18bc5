import { parseArgs } from 'node:util'
import { insertUser, newUserSchema } from '@/lib/users'
import type { Db } from '@/db'
import { UsageError } from './run'

export const userCreateUsage =
  'Usage: npm run user:create -- --email someone@example.com --role admin|editor|writer [--name "Full Name"] [--password …]'

/**
 * `npm run user:create`: adds an account from the command line's arguments and returns the lines
 * to print. A wrong argument is a UsageError naming it.
 */
export async function createUserFromArgs(db: Db, argv: string[]): Promise<string[]> {
  const values = parseUsage(argv)
  const input = newUserSchema.safeParse({
    email: values.email ?? '',
    role: values.role ?? '',
    name: values.name ?? values.email?.split('@')[0],
    password: values.password,
  })
  if (!input.success) {
    const problems = input.error.issues
      // Without --name the name comes from the e-mail, whose own problem is reported instead.
      .filter((issue) => values.name !== undefined || issue.path[0] !== 'name')
      .map((issue) => `--${String(issue.path[0])}: ${issue.message}`)
      .join('; ')
    throw new UsageError(`${problems}\n${userCreateUsage}`)
  }
  const result = await insertUser(db, input.data)
  if (!result.ok) throw new UsageError(result.message)
  const created = `Created ${result.person.role} ${result.person.email}.`
  return values.password ? [created] : [created, `Password: ${result.password} (shown once)`]
}

function parseUsage(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        email: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        password: { type: 'string' },
      },
    }).values
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${userCreateUsage}`)
  }
}
