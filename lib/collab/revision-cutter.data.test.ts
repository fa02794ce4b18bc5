import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { articleRow, makeStory, openTestNewsroom, revisionRows } from '@/test/newsroom'
import { type CutResult, RevisionCutter, cutRevision } from './revision-cutter'
import { getStoredDocument, loadStoryDocument } from './storage'

const { db, newsroom } = await openTestNewsroom()

async function openStory(): Promise<{ story: number; doc: Y.Doc }> {
  const story = await makeStory(db, newsroom)
  const doc = new Y.Doc()
  await loadStoryDocument(db, story, doc)
  return { story, doc }
}

const type = (doc: Y.Doc, part: 'headline' | 'standfirst', text: string) => doc.getText(part).insert(doc.getText(part).length, text)

describe('revisions cut from a shared document', () => {
  it('saves the shared headline, standfirst and body as a revision naming everyone who typed', async () => {
    const { story, doc } = await openStory()
    type(doc, 'headline', ' at dawn')
    type(doc, 'standfirst', 'Both crews agreed.')
    const { writer, editor } = newsroom
    const cut = await cutRevision(db, story, doc, {
      kind: 'save',
      candidates: [editor.id, writer.id],
      contributors: [writer.id, editor.id],
    })
    expect(cut).toEqual({ ok: true, revisionNumber: 2, coalesced: false, unchanged: false, notTaken: [] })
    const latest = (await revisionRows(db, story)).at(-1)
    expect(latest).toMatchObject({
      number: 2,
      kind: 'save',
      headline: 'Harbour reopens at dawn',
      standfirst: 'Both crews agreed.',
      createdBy: editor.id,
      contributors: [writer.id, editor.id].sort((a, b) => a - b),
    })
    expect(await getStoredDocument(db, story)).toMatchObject({ revisionId: latest?.id, contributors: [] })
  })

  it('keeps the slug of a story never published following its headline, as the form does', async () => {
    const { story, doc } = await openStory()
    expect((await articleRow(db, story)).slug).toBe('harbour-reopens')
    const headline = doc.getText('headline')
    headline.delete(0, headline.length)
    headline.insert(0, 'Port closes again')
    const { writer } = newsroom
    expect(await cutRevision(db, story, doc, { kind: 'save', candidates: [writer.id], contributors: [writer.id] })).toMatchObject({
      ok: true,
    })
    expect((await articleRow(db, story)).slug).toBe('port-closes-again')
  })

  it('puts a pause’s autosave into the same person’s autosave of the last five minutes, adding its contributors', async () => {
    const { story, doc } = await openStory()
    const { writer, editor } = newsroom
    type(doc, 'headline', ' today')
    expect(await cutRevision(db, story, doc, { kind: 'autosave', candidates: [writer.id], contributors: [writer.id] })).toMatchObject({
      ok: true,
      coalesced: false,
    })
    type(doc, 'standfirst', 'More to come.')
    expect(await cutRevision(db, story, doc, { kind: 'autosave', candidates: [writer.id], contributors: [editor.id] })).toMatchObject({
      ok: true,
      coalesced: true,
    })
    const rows = await revisionRows(db, story)
    expect(rows).toHaveLength(2)
    expect(rows[1]).toMatchObject({
      kind: 'autosave',
      standfirst: 'More to come.',
      contributors: [writer.id, editor.id].sort((a, b) => a - b),
    })
  })

  it('makes no autosave that would change nothing', async () => {
    const { story, doc } = await openStory()
    type(doc, 'headline', '!')
    doc.getText('headline').delete(doc.getText('headline').length - 1, 1)
    const cut = await cutRevision(db, story, doc, {
      kind: 'autosave',
      candidates: [newsroom.writer.id],
      contributors: [newsroom.writer.id],
    })
    expect(cut).toMatchObject({ ok: true, unchanged: true, revisionNumber: 1 })
    expect(await revisionRows(db, story)).toHaveLength(1)
  })

  it('saves as someone who may still edit when the last to type may not', async () => {
    const { story, doc } = await openStory()
    type(doc, 'headline', ' again')
    const { writer2, editor } = newsroom
    const cut = await cutRevision(db, story, doc, {
      kind: 'autosave',
      candidates: [writer2.id, editor.id],
      contributors: [writer2.id, editor.id],
    })
    expect(cut).toMatchObject({ ok: true })
    expect((await revisionRows(db, story)).at(-1)).toMatchObject({ createdBy: editor.id })
  })

  it('cuts after a pause in everyone’s typing, and not while they type', async () => {
    const { story, doc } = await openStory()
    const cuts: CutResult[] = []
    const cutter = new RevisionCutter(db, { pauseMs: 300, onCut: (_, result) => cuts.push(result) })
    cutter.open(story, doc, [])
    for (const letter of 'abc') {
      type(doc, 'standfirst', letter)
      cutter.noteChange(story, newsroom.writer.id)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(cuts).toEqual([])
    await expect.poll(() => cuts.length, { timeout: 10_000 }).toBe(1)
    expect(cuts[0]).toMatchObject({ ok: true, revisionNumber: 2 })
    expect((await revisionRows(db, story)).at(-1)).toMatchObject({ standfirst: 'abc', contributors: [newsroom.writer.id] })
    expect(await cutter.contributorsOf(story)).toEqual([])
    cutter.stop()
  })
})
