import { describe, expect, it } from 'vitest'
import { articleAuthors } from '@/db/schema'
import { articleRow, editStory, makeStory, openTestNewsroom } from '@/test/newsroom'

// `articles.owner_ids`, what "mine" on the desk reads, is kept by the database (migration 0012):
// the story's creator and every staff member on its bylines, whichever code writes them.

const { db, newsroom } = await openTestNewsroom()
const { writer, writer2, editor } = newsroom

const owners = async (id: number) => (await articleRow(db, id)).ownerIds

describe('the owners of a story', () => {
  it('are its creator, then follow the staff bylines as they are saved, outside contributors aside', async () => {
    const id = await makeStory(db, newsroom, { by: writer })
    expect(await owners(id)).toEqual([writer.id])

    await editStory(db, editor, id, { bylines: [{ userId: writer2.id }, { name: 'Rana Haddad', outlet: 'Harbour Wire' }] })
    expect(await owners(id)).toEqual([writer.id, writer2.id].sort((a, b) => a - b))

    await editStory(db, editor, id, { bylines: [{ name: 'Rana Haddad', outlet: 'Harbour Wire' }] })
    expect(await owners(id)).toEqual([writer.id])
  })

  it('follow bylines written straight into the table, as the seed does', async () => {
    const id = await makeStory(db, newsroom, { by: writer })
    await db.insert(articleAuthors).values([
      { articleId: id, position: 5, userId: editor.id },
      { articleId: id, position: 6, userId: writer.id },
    ])
    expect(await owners(id)).toEqual([writer.id, editor.id].sort((a, b) => a - b))
  })
})
