import { describe, expect, it } from 'vitest'
import { act, editStory, makeStory, openTestNewsroom } from '@/test/newsroom'
import { type TimelineEntry, getArticleHistory } from './timeline'

const { db, newsroom } = await openTestNewsroom()

const minute = 60 * 1000
const base = new Date('2030-05-01T09:00:00Z')
const at = (minutes: number) => new Date(base.getTime() + minutes * minute)

/** An entry as a short line: `r2` for revision 2, `draft→in_review` for an event, `trash` or `restore` for the trash. */
function line(entry: TimelineEntry): string {
  if (entry.kind === 'trash') return entry.trash.move
  return entry.kind === 'revision' ? `r${entry.revision.number}` : `${entry.event.fromStatus ?? ''}→${entry.event.toStatus}`
}

describe('a story’s history', () => {
  it('interleaves revisions and workflow events newest first, an event above the revision it was taken on', async () => {
    const { writer, editor } = newsroom
    const id = await makeStory(db, newsroom, { headline: 'Ferry timetable changes', now: at(0) })
    await editStory(db, writer, id, { standfirst: 'Fewer crossings in winter.' }, { now: at(10) })
    await act(db, writer, id, 'submit', { now: at(20) })
    await act(db, editor, id, 'requestChanges', { note: 'Which routes?', now: at(30) })
    await editStory(db, writer, id, { standfirst: 'Two routes lose their winter crossings.' }, { now: at(40) })
    await act(db, writer, id, 'submit', { now: at(50) })
    await act(db, editor, id, 'publish', { now: at(60) })

    const history = await getArticleHistory(db, id)
    expect(history?.timeline.map(line)).toEqual([
      'in_review→published',
      'changes_requested→in_review',
      'r3',
      'in_review→changes_requested',
      'draft→in_review',
      'r2',
      '→draft',
      'r1',
    ])
    expect(history?.timeline.map((entry) => entry.at)).toEqual([at(60), at(50), at(40), at(30), at(20), at(10), at(0), at(0)])
    expect(history?.timeline[3]).toMatchObject({ kind: 'event', event: { note: 'Which routes?', actorName: 'Editor Person' } })
    expect(history?.revisions.map((revision) => [revision.number, revision.isPublished])).toEqual([
      [3, true],
      [2, false],
      [1, false],
    ])
  })

  it('has no history for a story that does not exist', async () => {
    expect(await getArticleHistory(db, 999_999)).toBeNull()
  })
})
