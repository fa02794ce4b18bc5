import { describe, expect, it } from 'vitest'
import { act, disabledPerson, disabledRefusal, makeStory, withOwnNewsroom } from '@/test/newsroom'
import { getDeskNews, markDeskSeen } from './desk-news'
import { addNote } from './notes'

const hour = 60 * 60 * 1000
const base = new Date('2030-04-01T08:00:00Z')
const at = (hours: number) => new Date(base.getTime() + hours * hour)

describe('what changed on my stories since I last looked', () => {
  it('refuses to record a visit for an account disabled since signing in', async () => {
    await withOwnNewsroom(async ({ db: own }) => {
      expect(await markDeskSeen(own, await disabledPerson(own, 'writer'), at(1))).toEqual(disabledRefusal)
    })
  })

  it('counts others’ status changes and notes on my stories once each, not my own, and starts again once I look', async () => {
    await withOwnNewsroom(async ({ db: own, newsroom: room }) => {
      const id = await makeStory(own, room, { headline: 'Mine', now: at(0) })
      await markDeskSeen(own, room.writer, at(1))
      await act(own, room.writer, id, 'submit', { now: at(2) })
      await act(own, room.editor, id, 'requestChanges', { note: 'Tighten the intro.', now: at(3) })
      await addNote(own, room.writer, id, { body: 'On it.' }, { now: at(4) })
      await addNote(own, room.editor, id, { body: 'And check the date.' }, { now: at(4.5) })
      const news = await getDeskNews(own, room.writer, { now: at(5) })
      // The request for changes is one piece of news, though its note also opens a thread.
      expect(news).toEqual({
        count: 2,
        items: [
          expect.objectContaining({ kind: 'note', excerpt: 'And check the date.', actorName: 'Editor Person', at: at(4.5) }),
          expect.objectContaining({
            kind: 'status',
            articleId: id,
            headline: 'Mine',
            actorName: 'Editor Person',
            toStatus: 'changes_requested',
            excerpt: 'Tighten the intro.',
            at: at(3),
          }),
        ],
      })
      expect((await getDeskNews(own, room.writer2, { now: at(5) }))?.count).toBe(0)
      await markDeskSeen(own, room.writer, at(6))
      expect(await getDeskNews(own, room.writer, { now: at(7) })).toMatchObject({ count: 0, items: [] })
      // A page left open since earlier cannot bring back what was seen.
      await markDeskSeen(own, room.writer, at(2))
      expect(await getDeskNews(own, room.writer, { now: at(7) })).toMatchObject({ count: 0, items: [] })
    })
  })
})
