import { afterAll, describe, expect, it } from 'vitest'
import { createApiToken } from '@/lib/api-tokens/tokens'
import { articleInputSchema } from '@/lib/article-input'
import { saveStoryForm } from '@/lib/collab/form-saves'
import { readStoryDocument } from '@/lib/collab/storage'
import { restoreRevision } from '@/lib/revisions'
import { type TestClient, addParagraph, bodyOf, headlineOf, typeHeadline } from './collab-clients'
import { collabTestKit, connected, neverMs, redisAnswers, testRedis } from './collab-server'
import { askApi } from './content-api'
import { articleRow, makeStory, openTestNewsroom, revisionRows } from './newsroom'

// Two app instances in this process, meeting in Redis, on one database: what is saved through one
// reaches the people writing through the other, once, and a revision names everyone who typed
// into it, whichever instance they typed through.

const hasRedis = await redisAnswers()
if (!hasRedis)
  console.warn('SKIPPED: several instances through Redis — nothing answers PING at 127.0.0.1:6379 (start redis-server to run it).')

const { db, newsroom } = await openTestNewsroom()
const { startServer, join, closeAll } = collabTestKit(db)
afterAll(closeAll)

/** Two instances through Redis: `here` is the one the app's own code finds running (it takes the saves). */
async function twoInstances(pauseMs = neverMs) {
  const here = await startServer({ redis: testRedis, instance: 'test-here', published: true, pauseMs })
  const there = await startServer({ redis: testRedis, instance: 'test-there', pauseMs })
  return { here, there }
}

describe.skipIf(!hasRedis)('several instances through Redis, one story', () => {
  it('a revision restored through one instance reaches the people writing through another, once', async () => {
    const { here, there } = await twoInstances()
    const story = await makeStory(db, newsroom, { headline: 'First words' })
    const editor = await join(there.url, newsroom.editor, story)
    const admin = await join(there.url, newsroom.admin, story)
    await expect.poll(() => [headlineOf(editor), headlineOf(admin)], { timeout: 15_000 }).toEqual(['First words', 'First words'])
    const before = bodyOf(editor)
    typeHeadline(editor, ' and second thoughts')
    addParagraph(editor, 'A paragraph to take back.')
    await expect.poll(() => bodyOf(admin), { timeout: 15_000 }).toContain('A paragraph to take back.')
    expect(await there.collab.cutNow(story, 'save', newsroom.editor.id)).toMatchObject({ ok: true, revisionNumber: 2 })

    const restored = await restoreRevision(db, newsroom.admin, story, 1, (await articleRow(db, story)).version)
    expect(restored.ok).toBe(true)
    await expect
      .poll(() => [headlineOf(editor), headlineOf(admin), bodyOf(editor), bodyOf(admin)], { timeout: 15_000 })
      .toEqual(['First words', 'First words', before, before])
    // Put in by the instance where the story is open, not loaded a second time where it was restored.
    expect(here.collab.hocuspocus.documents.size).toBe(0)

    typeHeadline(admin, '!')
    await expect.poll(() => headlineOf(editor), { timeout: 15_000 }).toBe('First words!')
    expect(await there.collab.cutNow(story, 'save', newsroom.admin.id)).toMatchObject({ ok: true })
    const rows = await revisionRows(db, story)
    expect(rows.at(-1)).toMatchObject({ headline: 'First words!', contributors: [newsroom.admin.id] })
    expect(rows.at(-1)?.body).toEqual(rows[0]?.body)
  })

  it('a draft written through the Content API on one instance reaches the people writing through another', async () => {
    const { here, there } = await twoInstances()
    const story = await makeStory(db, newsroom, { headline: 'Harbour' })
    const editor = await join(there.url, newsroom.editor, story)
    await connected(editor)
    await expect.poll(() => headlineOf(editor), { timeout: 15_000 }).toBe('Harbour')
    const made = await createApiToken(db, newsroom.admin, {
      name: 'Wire desk',
      scopes: ['read:drafts', 'write:drafts'],
      sectionIds: [],
      lifetime: 'never',
    })
    if (!made.ok) throw new Error(made.message)
    const headers = { authorization: `Bearer ${made.secret}`, 'if-match': `"v${(await articleRow(db, story)).version}"` }
    const written = await askApi(db, `/api/v1/drafts/${story}`, headers, { method: 'PATCH', body: { headline: 'Harbour reopens' } })
    expect(written.status).toBe(200)
    await expect.poll(() => headlineOf(editor), { timeout: 15_000 }).toBe('Harbour reopens')
    expect(here.collab.hocuspocus.documents.size).toBe(0)
  })

  it('a save made alone through one instance reaches the people writing through another, who keep what they typed', async () => {
    const { there } = await twoInstances()
    const story = await makeStory(db, newsroom, { headline: 'Ferry' })
    const [first] = await revisionRows(db, story)
    if (!first) throw new Error('no revision')
    const opened = (await articleRow(db, story)).version
    const writer = await join(there.url, newsroom.writer, story)
    const admin = await join(there.url, newsroom.admin, story)
    await connected(writer, admin)
    typeHeadline(writer, ' times')
    await expect.poll(() => headlineOf(admin), { timeout: 15_000 }).toBe('Ferry times')

    const input = articleInputSchema.parse({ ...first, standfirst: 'Boats leave an hour later.' })
    const saved = await saveStoryForm(db, newsroom.editor, story, input, { baseVersion: opened, kind: 'save', isAlone: true })
    expect(saved.ok).toBe(true)
    const shared = (client: TestClient) => {
      const { headline, standfirst, body } = readStoryDocument(client.doc)
      return { headline, standfirst, paragraphs: body.content?.length }
    }
    const both = { headline: 'Ferry times', standfirst: 'Boats leave an hour later.', paragraphs: first.body.content?.length }
    await expect.poll(() => [shared(writer), shared(admin)], { timeout: 15_000 }).toEqual([both, both])
    expect(await there.collab.cutNow(story, 'save', newsroom.admin.id)).toMatchObject({ ok: true })
    expect((await revisionRows(db, story)).at(-1)).toMatchObject({ headline: 'Ferry times', standfirst: 'Boats leave an hour later.' })
  })

  it('a revision cut after a pause names everyone who typed into it, whichever instance they typed through', async () => {
    const { here, there } = await twoInstances(1000)
    const story = await makeStory(db, newsroom, { headline: 'Tide' })
    const writer = await join(here.url, newsroom.writer, story)
    const admin = await join(there.url, newsroom.admin, story)
    await connected(writer, admin)
    await expect.poll(() => [headlineOf(writer), headlineOf(admin)], { timeout: 15_000 }).toEqual(['Tide', 'Tide'])
    // Both type at once, each through their own instance: one pause follows.
    typeHeadline(writer, ' tables')
    typeHeadline(admin, ' change')
    await expect
      .poll(async () => (await revisionRows(db, story)).at(-1), { timeout: 15_000 })
      .toMatchObject({
        headline: expect.stringMatching(/^Tide( tables change| change tables)$/),
        contributors: [newsroom.writer.id, newsroom.admin.id].sort((a, b) => a - b),
      })
    await expect.poll(() => headlineOf(writer) === headlineOf(admin), { timeout: 15_000 }).toBe(true)
  })

  it('two instances cutting the same pause at once make one revision, naming everyone', async () => {
    const { here, there } = await twoInstances()
    const story = await makeStory(db, newsroom, { headline: 'Quay' })
    const writer = await join(here.url, newsroom.writer, story)
    const admin = await join(there.url, newsroom.admin, story)
    await connected(writer, admin)
    typeHeadline(writer, ' wall')
    await expect.poll(() => headlineOf(admin), { timeout: 15_000 }).toBe('Quay wall')
    typeHeadline(admin, ' mended')
    await expect.poll(() => headlineOf(writer), { timeout: 15_000 }).toBe('Quay wall mended')

    const cuts = await Promise.all([here.collab.cutNow(story, 'autosave'), there.collab.cutNow(story, 'autosave')])
    // The other finds nobody left, or only the people it had not yet written, whom it adds to that revision.
    expect(cuts.filter((cut) => cut.ok && !cut.unchanged)).toHaveLength(1)
    const rows = await revisionRows(db, story)
    expect(rows).toHaveLength(2)
    expect(rows.at(-1)).toMatchObject({
      headline: 'Quay wall mended',
      contributors: [newsroom.writer.id, newsroom.admin.id].sort((a, b) => a - b),
    })
  })

  it('a form’s save through one instance names the people typing through another', async () => {
    const { there } = await twoInstances()
    const story = await makeStory(db, newsroom, { headline: 'Harbour' })
    const writer = await join(there.url, newsroom.writer, story)
    await connected(writer)
    typeHeadline(writer, ' lights')
    await expect.poll(() => writer.provider.hasUnsyncedChanges, { timeout: 15_000 }).toBe(false)
    await expect.poll(() => there.collab.contributorsOf(story), { timeout: 15_000 }).toEqual([newsroom.writer.id])

    const [current] = (await revisionRows(db, story)).slice(-1)
    const input = articleInputSchema.parse({ ...current, headline: headlineOf(writer) })
    const saved = await saveStoryForm(db, newsroom.editor, story, input, {
      baseVersion: (await articleRow(db, story)).version,
      kind: 'save',
    })
    expect(saved.ok).toBe(true)
    expect((await revisionRows(db, story)).at(-1)).toMatchObject({
      headline: 'Harbour lights',
      createdBy: newsroom.editor.id,
      contributors: [newsroom.writer.id],
    })
  })

  it('someone joining through a second instance after a form’s save finds the story’s text once, not twice', async () => {
    const { here, there } = await twoInstances()
    const story = await makeStory(db, newsroom, { headline: 'Pier' })
    const writer = await join(there.url, newsroom.writer, story)
    await connected(writer)
    typeHeadline(writer, ' closed')
    await expect.poll(() => writer.provider.hasUnsyncedChanges, { timeout: 15_000 }).toBe(false)
    const [current] = (await revisionRows(db, story)).slice(-1)
    const input = articleInputSchema.parse({ ...current, headline: headlineOf(writer) })
    expect(
      (await saveStoryForm(db, newsroom.writer, story, input, { baseVersion: (await articleRow(db, story)).version, kind: 'save' })).ok,
    ).toBe(true)

    const body = bodyOf(writer)
    const admin = await join(here.url, newsroom.admin, story)
    await connected(admin)
    await expect.poll(() => [headlineOf(admin), bodyOf(admin)], { timeout: 15_000 }).toEqual(['Pier closed', body])
    typeHeadline(admin, ' today')
    await expect.poll(() => headlineOf(writer), { timeout: 15_000 }).toBe('Pier closed today')
    expect(headlineOf(admin)).toBe('Pier closed today')
  })
})

describe('an instance whose Redis does not answer', () => {
  it('still saves the form, alone or not, and restores revisions', async () => {
    // Nothing listens on port 1: every question to Redis goes unanswered.
    await startServer({ redis: { ...testRedis, port: 1 }, instance: 'test-no-redis', published: true, log: { error: () => undefined } })
    const story = await makeStory(db, newsroom, { headline: 'Lighthouse' })
    const [first] = await revisionRows(db, story)
    const input = articleInputSchema.parse({ ...first, standfirst: 'Lit again tonight.' })
    const alone = await saveStoryForm(db, newsroom.editor, story, input, {
      baseVersion: (await articleRow(db, story)).version,
      kind: 'save',
      isAlone: true,
    })
    expect(alone.ok).toBe(true)
    const again = articleInputSchema.parse({ ...first, standfirst: 'Lit again at dusk.' })
    expect(
      (await saveStoryForm(db, newsroom.editor, story, again, { baseVersion: (await articleRow(db, story)).version, kind: 'save' })).ok,
    ).toBe(true)
    expect((await restoreRevision(db, newsroom.admin, story, 1, (await articleRow(db, story)).version)).ok).toBe(true)
    expect((await revisionRows(db, story)).map((row) => row.standfirst)).toEqual([
      first?.standfirst,
      'Lit again tonight.',
      'Lit again at dusk.',
      first?.standfirst,
    ])
  })
})
