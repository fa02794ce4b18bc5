import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { users } from '@/db/schema'
import { openTestDatabase } from '@/test/newsroom'
import { deskLanding } from './desk-landing'
import { insertUser } from './users'

const db = await openTestDatabase()

async function person(email: string, role: 'editor' | 'writer') {
  const result = await insertUser(db, { email, name: email.split('@')[0] ?? email, role, password: 'long enough password' })
  if (!result.ok) throw new Error(result.message)
  return signedIn(result.person.id, role)
}

/** The person as their next request's session reads them. */
async function signedIn(id: number, role: 'editor' | 'writer') {
  const [row] = await db.select({ deskView: users.deskView }).from(users).where(eq(users.id, id))
  return { id, role, deskView: row?.deskView ?? '' }
}

describe('where the desk opens', () => {
  it('opens on the review queue for an editor and on their drafts for a writer', async () => {
    expect(await deskLanding(db, await person('landing-editor@example.test', 'editor'), undefined)).toBe('review')
    expect(await deskLanding(db, await person('landing-writer@example.test', 'writer'), undefined)).toBe('drafts')
  })

  it('remembers the list a person chose, for them alone', async () => {
    const editor = await person('landing-editor2@example.test', 'editor')
    const other = await person('landing-editor3@example.test', 'editor')
    expect(await deskLanding(db, editor, 'scheduled')).toBe('scheduled')
    expect(await deskLanding(db, await signedIn(editor.id, 'editor'), undefined)).toBe('scheduled')
    expect(await deskLanding(db, other, undefined)).toBe('review')
  })

  it('ignores a list that does not exist', async () => {
    const writer = await person('landing-writer2@example.test', 'writer')
    expect(await deskLanding(db, writer, 'everything')).toBe('drafts')
  })
})
