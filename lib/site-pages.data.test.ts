import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvents, sitePages } from '@/db/schema'
import { openTestNewsroom } from '@/test/newsroom'
import { findSitePage, footerPages, listSitePages, saveSitePage, sitePageInputSchema } from './site-pages'

const { db, newsroom } = await openTestNewsroom()

describe('the newsroom’s standing pages', () => {
  it('start empty in a new newsroom: listed for the desk, shown to no reader', async () => {
    expect((await listSitePages(db)).map((page) => [page.slug, page.title, page.body])).toEqual([
      ['about', 'About us', ''],
      ['contact', 'Contact', ''],
      ['corrections-policy', 'Corrections policy', ''],
      ['ethics', 'Ethics policy', ''],
      ['terms', 'Terms of use', ''],
      ['privacy', 'Privacy', ''],
    ])
    expect(await footerPages(db)).toEqual([])
    expect(await findSitePage(db, 'about')).toBeNull()
  })

  it('refuses anyone but an admin, changing nothing', async () => {
    for (const actor of [newsroom.editor, newsroom.writer]) {
      expect(await saveSitePage(db, actor, { slug: 'terms', title: 'Terms', body: 'Anything goes.' })).toMatchObject({
        ok: false,
        reason: 'forbidden',
      })
    }
    expect(await db.select().from(sitePages).where(eq(sitePages.slug, 'terms'))).toEqual([])
  })

  it('an admin’s page is shown at its address and in the footer, and the audit log says who wrote it', async () => {
    const input = sitePageInputSchema.parse({ slug: 'ethics', title: '  Our ethics ', body: 'We check.\r\n\r\nWe correct.' })
    expect(input).toEqual({ slug: 'ethics', title: 'Our ethics', body: 'We check.\n\nWe correct.' })
    const saved = await saveSitePage(db, newsroom.admin, input)
    expect(saved).toMatchObject({ ok: true, page: { path: '/ethics', title: 'Our ethics' } })
    expect(await findSitePage(db, 'ethics')).toMatchObject({ title: 'Our ethics', body: 'We check.\n\nWe correct.' })
    expect(await footerPages(db)).toEqual([{ title: 'Our ethics', path: '/ethics' }])
    const [entry] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'site.page'))
    expect(entry).toMatchObject({ actorId: newsroom.admin.id, detail: { page: 'ethics', title: 'Our ethics' } })

    // Emptied, it leaves the footer and its address.
    await saveSitePage(db, newsroom.admin, { slug: 'ethics', title: 'Our ethics', body: '' })
    expect(await footerPages(db)).toEqual([])
    expect(await findSitePage(db, 'ethics')).toBeNull()
  })

  it('refuses an unknown page, an empty title and an overlong text', () => {
    const problems = (raw: Record<string, string>) => sitePageInputSchema.safeParse(raw).error?.issues.map((issue) => issue.path[0])
    expect(problems({ slug: 'admin', title: 'Admin', body: '' })).toEqual(['slug'])
    expect(problems({ slug: 'about', title: '   ', body: 'Text.' })).toEqual(['title'])
    expect(problems({ slug: 'about', title: 'About', body: 'x'.repeat(20_001) })).toEqual(['body'])
  })
})
