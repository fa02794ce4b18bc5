import { beforeAll, describe, expect, it } from 'vitest'
import { act } from '@/test/newsroom'
import { openReaderSite } from '@/test/reader-site'

// Author and tag pages (app/(site)/authors, app/(site)/tags).

const { db, newsroom, tick, get, page, publishedStory, revise } = await openReaderSite()

describe('author and tag pages', () => {
  beforeAll(async () => {
    const { writer, writer2, admin } = newsroom
    const tanker = await publishedStory('Tanker talks stall', { bylines: [{ userId: writer2.id }] }, { by: writer2 })
    await revise(tanker, { bylines: [{ userId: admin.id }] }, { publish: false })
    const grain = await publishedStory('Grain deal signed', { bylines: [{ userId: writer2.id }], tags: ['Exports'] }, { by: writer2 })
    await revise(grain, { bylines: [{ userId: writer.id }], tags: ['Trade'] }, { publish: true })

    await publishedStory('Port fees rise', { tags: ['Ports'] })
    await publishedStory('Dock workers vote', { tags: ['ports', 'Labour'] })
    const quota = await publishedStory('Fishing quota cut', { tags: ['Quotas'] })
    await act(db, newsroom.editor, quota, 'unpublish', { now: tick() })
  })

  it('lists the stories whose live revision credits the author', async () => {
    const writer2 = await page('/authors/writer2')
    expect(writer2).toContain('<h1>Writer2 Person</h1>')
    expect(writer2).toContain('Tanker talks stall')
    expect(writer2).not.toContain('Grain deal signed')
    const writer = await page('/authors/writer')
    expect(writer).toContain('Grain deal signed')
    expect(writer).not.toContain('Tanker talks stall')
  })

  it('has no page for an author with no public story, or for no one', async () => {
    for (const path of ['/authors/admin', '/authors/editor', '/authors/nobody', '/authors/writer2/page/2']) {
      const answer = await get(path)
      expect(answer.status, path).toBe(404)
      expect(answer.body).toContain('Page not found')
    }
  })

  it('gathers every spelling of a tag on its one page', async () => {
    await publishedStory('Tag variant one', { tags: ['Middle East'] })
    await publishedStory('Tag variant two', { tags: ['Middle-East'] })
    const tagPage = await page('/tags/middle-east')
    expect(tagPage).toContain('tag-variant-one')
    expect(tagPage).toContain('tag-variant-two')
  })

  it('lists the stories whose live revision carries the tag, whatever its case', async () => {
    const ports = await page('/tags/ports')
    expect(ports).toContain('<h1>Ports</h1>')
    expect(ports).toContain('/world/port-fees-rise')
    expect(ports).toContain('/world/dock-workers-vote')
    const labour = await page('/tags/labour')
    expect(labour).toContain('/world/dock-workers-vote')
    expect(labour).not.toContain('/world/port-fees-rise')
    expect(await page('/tags/trade')).toContain('/world/grain-deal-signed')
  })

  it('has no page for a tag that no public story carries now', async () => {
    for (const path of ['/tags/exports', '/tags/quotas', '/tags/nothing-here', '/tags/ports/page/2'])
      expect((await get(path)).status, path).toBe(404)
  })
})
