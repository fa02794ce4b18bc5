import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { users } from '@/db/schema'
import { type Newsroom, makeNewsroom, openTestDatabase } from '@/test/newsroom'
import { authorize } from './authorize'
import type { Actor } from './permissions'

const db = await openTestDatabase()
let newsroom: Newsroom

beforeAll(async () => {
  newsroom = await makeNewsroom(db)
})

describe('authorize', () => {
  it('lets an editor publish anyone’s story, answering the person as the database knows them', async () => {
    expect(await authorize(db, newsroom.editor, 'article.publish', { ownerIds: [newsroom.writer.id] })).toEqual({
      ok: true,
      actor: newsroom.editor,
    })
  })

  it('tells a writer who tries to publish their own story that only editors can', async () => {
    expect(await authorize(db, newsroom.writer, 'article.publish', { ownerIds: [newsroom.writer.id] })).toEqual({
      ok: false,
      reason: 'forbidden',
      message: 'Only editors can publish a story.',
    })
  })

  it('reads the role from the database, not from what the caller says', async () => {
    const claimsToBeAdmin: Actor = { id: newsroom.writer.id, role: 'admin' }
    expect(await authorize(db, claimsToBeAdmin, 'user.manage')).toMatchObject({ ok: false, reason: 'forbidden' })
  })

  it('refuses an account disabled since signing in, and one that no longer exists', async () => {
    const [gone] = await db
      .insert(users)
      .values({ email: 'gone@example.test', name: 'Gone', slug: 'gone', role: 'editor', passwordHash: 'x', isDisabled: true })
      .returning({ id: users.id })
    const refused = { ok: false, reason: 'forbidden', message: 'Your account has been disabled; ask an administrator.' }
    expect(await authorize(db, { id: gone?.id ?? -1 }, 'desk.enter')).toEqual(refused)
    await db.delete(users).where(eq(users.id, gone?.id ?? -1))
    expect(await authorize(db, { id: gone?.id ?? -1 }, 'desk.enter')).toEqual(refused)
  })

  it('sees a demotion made inside the same transaction', async () => {
    let inside: Awaited<ReturnType<typeof authorize>> | undefined
    const undone = new Error('undo the demotion')
    await expect(
      db.transaction(async (tx) => {
        await tx.update(users).set({ role: 'writer' }).where(eq(users.id, newsroom.admin.id))
        inside = await authorize(tx, newsroom.admin, 'user.manage')
        throw undone
      }),
    ).rejects.toBe(undone)
    expect(inside).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await authorize(db, newsroom.admin, 'user.manage')).toMatchObject({ ok: true })
  })
})
