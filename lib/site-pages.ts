import 'server-only'
import { z } from 'zod'
import type { Db, Tx } from '@/db'
import { sitePages } from '@/db/schema'
import { recordAudit } from './audit'
import { authorize } from './authorize'
import { textField } from './clean-text'
import { pageKey, shows } from './page-keys'
import type { Actor } from './permissions'
import { announceChange } from './reader-changes'
import type { Result } from './refusal'

// The newsroom's standing pages: About, Contact, the corrections and ethics policies, Terms and
// Privacy. Each has a fixed reader's address (`/<slug>`, made in app/(site)/site-tree.ts before
// the section tree, so a section may not take one of these slugs) and is written in the desk at
// /desk/admin/pages. A page with no text is not shown: no footer link, and its address answers
// 404. A new newsroom starts with all six empty; the demo newsroom has its own (seed/site-pages.ts).

/** The pages, in the footer's order, with the title each starts with. */
export const sitePageDefaults = {
  about: 'About us',
  contact: 'Contact',
  'corrections-policy': 'Corrections policy',
  ethics: 'Ethics policy',
  terms: 'Terms of use',
  privacy: 'Privacy',
} as const

export type SitePageSlug = keyof typeof sitePageDefaults
export const sitePageSlugs = Object.keys(sitePageDefaults) as SitePageSlug[]

export function isSitePageSlug(slug: string): slug is SitePageSlug {
  return Object.hasOwn(sitePageDefaults, slug)
}

/** A standing page as the desk edits it and readers read it. */
export type StandingPage = { slug: SitePageSlug; title: string; body: string; path: string; updatedAt: Date | null }

/** Every standing page, in the footer's order, written or not. */
export async function listSitePages(db: Db | Tx): Promise<StandingPage[]> {
  const rows = await db.select().from(sitePages)
  return sitePageSlugs.map((slug) => {
    const row = rows.find((found) => found.slug === slug)
    return { slug, title: row?.title || sitePageDefaults[slug], body: row?.body ?? '', path: `/${slug}`, updatedAt: row?.updatedAt ?? null }
  })
}

/** The pages readers have (those with text), for every page's footer. */
export async function footerPages(db: Db): Promise<{ title: string; path: string }[]> {
  shows(pageKey.sitePages)
  return (await listSitePages(db)).filter((page) => page.body !== '').map(({ title, path }) => ({ title, path }))
}

/** A standing page for readers, or null when it has no text. */
export async function findSitePage(db: Db, slug: SitePageSlug): Promise<StandingPage | null> {
  shows(pageKey.sitePage(slug))
  const page = (await listSitePages(db)).find((found) => found.slug === slug)
  return page && page.body !== '' ? page : null
}

export const sitePageInputSchema = z.object({
  slug: z.enum(sitePageSlugs as [SitePageSlug, ...SitePageSlug[]], { error: 'There is no such page.' }),
  title: textField({ max: 80, tooLong: 'Keep the title to 80 characters.', required: 'Give the page a title.' }),
  body: textField({ max: 20_000, multiline: true, tooLong: 'Keep the page to 20,000 characters.' }),
})
export type SitePageInput = z.infer<typeof sitePageInputSchema>

/**
 * Saves a standing page (admins only: `site.manage`), records it in the audit log, and refreshes
 * what readers see of it (`keys`): the page itself, and every page's footer when its title or
 * its being shown changed.
 */
export async function saveSitePage(
  db: Db,
  actor: Actor,
  input: SitePageInput,
  client = '',
): Promise<Result<{ page: StandingPage; keys: string[] }>> {
  const saved = await db.transaction(async (tx): Promise<Result<{ page: StandingPage; keys: string[] }>> => {
    const allowed = await authorize(tx, actor, 'site.manage')
    if (!allowed.ok) return allowed
    const before = (await listSitePages(tx)).find((page) => page.slug === input.slug)
    const now = new Date()
    await tx
      .insert(sitePages)
      .values({ ...input, updatedAt: now, updatedBy: actor.id })
      .onConflictDoUpdate({ target: sitePages.slug, set: { title: input.title, body: input.body, updatedAt: now, updatedBy: actor.id } })
    await recordAudit(tx, { action: 'site.page', actorId: actor.id, detail: { page: input.slug, title: input.title }, client })
    const footerChanged = before?.title !== input.title || (before.body === '') !== (input.body === '')
    const keys = [pageKey.sitePage(input.slug), ...(footerChanged ? [pageKey.sitePages] : [])]
    return { ok: true, keys, page: { ...input, path: `/${input.slug}`, updatedAt: now } }
  })
  if (saved.ok) await announceChange(db, saved.keys)
  return saved
}

/** Writes pages as they are, with no one to credit (the demo newsroom's seed). */
export async function insertSitePages(tx: Tx, pages: readonly { slug: SitePageSlug; title: string; body: string }[]): Promise<void> {
  if (pages.length > 0)
    await tx
      .insert(sitePages)
      .values([...pages])
      .onConflictDoNothing()
}
