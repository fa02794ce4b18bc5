import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { verifyPassword } from '@/lib/passwords'
import { users } from '@/db/schema'
import { openTestDatabase } from '@/test/newsroom'
import { UsageError } from './run'
import { createUserFromArgs } from './user-create-task'

const db = await openTestDatabase()

async function failureOf(argv: string[]): Promise<Error> {
  const failure = await createUserFromArgs(db, argv).then(
    () => null,
    (error: unknown) => error,
  )
  if (!(failure instanceof Error)) throw new Error('Expected the command to refuse, it did not.')
  return failure
}

describe('npm run user:create', () => {
  it('creates the first admin with a generated password, shown once', async () => {
    const lines = await createUserFromArgs(db, ['--email', 'Chief@Example.test', '--role', 'admin'])

    expect(lines[0]).toBe('Created admin chief@example.test.')
    const password = /^Password: (\S+) \(shown once\)$/.exec(lines[1] ?? '')?.[1]
    const [row] = await db.select().from(users).where(eq(users.email, 'chief@example.test'))
    expect(row).toMatchObject({ role: 'admin', name: 'Chief', isDisabled: false })
    expect(await verifyPassword(row?.passwordHash ?? null, password ?? '')).toBe(true)
  })

  it('uses the name and password given, and does not print the password', async () => {
    const lines = await createUserFromArgs(db, [
      '--email',
      'desk@example.test',
      '--role',
      'editor',
      '--name',
      'Desk Editor',
      '--password',
      'a long enough password',
    ])

    expect(lines).toEqual(['Created editor desk@example.test.'])
  })

  it.each([
    [
      'a malformed e-mail',
      ['--email', 'not-an-address', '--role', 'writer'],
      /^--email: Enter a valid e-mail address\.\nUsage: npm run user:create/,
    ],
    ['no e-mail', ['--role', 'writer'], /^--email: Enter a valid e-mail address\.\n/],
    ['an unknown role', ['--email', 'someone@example.test', '--role', 'boss'], /^--role: Choose one of admin, editor, writer\.\n/],
    [
      'an unknown option',
      ['--email', 'someone@example.test', '--rank', 'admin'],
      /Unknown option '--rank'[^\n]*\nUsage: npm run user:create/,
    ],
  ])('refuses %s with a usage error naming it, creating no one', async (_, argv, message) => {
    const failure = await failureOf(argv)

    expect(failure).toBeInstanceOf(UsageError)
    expect(failure.message).toMatch(message)
    expect(await db.select().from(users).where(eq(users.email, 'someone@example.test'))).toEqual([])
  })

  it('refuses an e-mail that already has an account', async () => {
    const failure = await failureOf(['--email', 'chief@example.test', '--role', 'writer'])

    expect(failure.message).toBe('Someone already has that e-mail address.')
  })
})
