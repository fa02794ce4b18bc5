import 'server-only'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { type Byline, users } from '@/db/schema'
import { articleLimits } from '@/lib/article-input'
import { cutText } from '@/lib/clean-text'
import { slugify } from '@/lib/slug'
import { cleanEmail, insertUser, setDisabled } from '@/lib/users'
import type { ImportContext } from './context'
import type { WxrAuthor } from './records'
import { itemLabel } from './report'

const emailSchema = z.email()

/**
 * The export's authors as people of the newsroom: writers whose accounts are disabled, with no
 * password, until an admin invites them (enables the account and resets its password). Someone
 * who already has an account with that e-mail address keeps it as it is. Returns each author's
 * account by login.
 */
export async function importPeople(context: ImportContext, authors: readonly WxrAuthor[]): Promise<Map<string, number>> {
  const { db, actor, map, report } = context
  const accounts = new Map<string, number>()
  for (const author of authors) {
    const where = itemLabel('author', author.id, author.displayName || author.login)
    const mapped = await map.get('author', author.login)
    const [still] = mapped === null ? [] : await db.select({ id: users.id }).from(users).where(eq(users.id, mapped))
    if (still) {
      accounts.set(author.login, still.id)
      report.count('people', 'unchanged')
      continue
    }
    let email = cleanEmail(author.email)
    if (!emailSchema.safeParse(email).success) {
      email = `${slugify(author.login) || `author-${author.id}`}@wordpress-import.invalid`
      report.problem(where, `no usable e-mail address in the export: the account has ${email} until someone changes it`)
    }
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email))
    if (existing) {
      await map.set('author', author.login, existing.id)
      accounts.set(author.login, existing.id)
      report.problem(where, `${email} already has an account here: their stories are credited to it, and it was left as it is`)
      report.count('people', 'unchanged')
      continue
    }
    const name = cutText(author.displayName || author.login, 120)
    const created = await insertUser(db, { name, email, role: 'writer' })
    if (!created.ok) {
      report.problem(where, `no account was made: ${created.message}`)
      report.count('people', 'skipped')
      continue
    }
    const { id } = created.person
    // The generated password is never shown; an empty hash matches no password at all (lib/passwords.ts).
    await db.update(users).set({ passwordHash: '' }).where(eq(users.id, id))
    const disabled = await setDisabled(db, actor, id, true)
    if (!disabled.ok) report.problem(where, `the account could not be disabled: ${disabled.message}`)
    await map.set('author', author.login, id)
    accounts.set(author.login, id)
    report.count('people', 'created')
  }
  return accounts
}

/**
 * A post's byline: its author's account, or, for a name the export has no author for (a guest
 * author), an outside contributor writing for the site the export came from.
 */
export function bylineOf(context: ImportContext, accounts: ReadonlyMap<string, number>, creator: string): Byline[] {
  if (creator === '') return []
  const userId = accounts.get(creator)
  if (userId !== undefined) return [{ userId }]
  return [{ name: cutText(creator, articleLimits.bylineName), outlet: cutText(context.siteName, articleLimits.bylineOutlet) }]
}
