import 'server-only'
import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '@/db'
import { users } from '@/db/schema'
import { getMediaStorage } from '@/lib/media/storage'
import type { MediaStorage } from '@/lib/media/storage'
import type { Actor } from '@/lib/permissions'
import { announceChange } from '@/lib/reader-changes'
import { readTree } from '@/lib/section-admin'
import type { ImportContext } from './context'
import { ImportMap } from './mapping'
import { type Attachment, MediaImporter, discardingStorage, readAttachment } from './media'
import { importPeople } from './people'
import { type WxrAuthor, type WxrTerm, readAuthor, readItem, readTerm } from './records'
import { WxrError, readWxr } from './read-wxr'
import { ImportReport, itemLabel } from './report'
import { importPost } from './stories'
import { importSections, importTags } from './taxonomy'

export type ImportOptions = {
  /** The WXR file. */
  file: string
  /** Where the export's uploads are: the folder holding `2024/05/…` (or `wp-content/uploads/2024/05/…`). */
  mediaFolder?: string | null
  /** Do everything, then take it all back: the report says what the import would do. */
  dryRun?: boolean
  /** Download images that are not in the media folder from their address. */
  downloadMedia?: boolean
  /** The admin to act as (their e-mail address); the oldest active admin by default. */
  as?: string
  /** Where images are stored; the configured storage by default. */
  storage?: MediaStorage
  /** The clock, for tests. */
  now?: Date
}

export type ImportResult = { ok: true; report: ImportReport } | { ok: false; message: string }

/** What the first reading of the file gathers: everything but the posts, which are read one at a time after. */
type Gathered = {
  siteName: string
  source: string
  authors: WxrAuthor[]
  categories: WxrTerm[]
  tags: WxrTerm[]
  attachments: Map<string, Attachment>
}

class DryRunDone extends Error {}

/**
 * Imports a WordPress export (WXR): its authors as people, categories as sections, tags, images
 * into the media library, and posts as stories at their status and time, with their old
 * addresses leading to the new ones. The file is read twice, as a stream: first everything but
 * the posts, then the posts one by one. Importing the same site again updates what the first
 * import made. Refuses (with one line) a file that is not a WordPress export, or is hostile.
 */
export async function importWordPress(db: Db, options: ImportOptions): Promise<ImportResult> {
  const actor = await importingAdmin(db, options.as)
  if (!actor)
    return {
      ok: false,
      message: options.as
        ? `${options.as} is not an active admin.`
        : 'There is no active admin to import as: create one first (npm run user:create).',
    }
  const report = new ImportReport()
  try {
    const gathered = await gather(options.file, report)
    const run = async (target: Db) => {
      const context: ImportContext = {
        db: target,
        actor,
        map: new ImportMap(target, gathered.source),
        report,
        storage: options.dryRun ? discardingStorage : (options.storage ?? getMediaStorage()),
        mediaFolder: options.mediaFolder ?? null,
        downloadMedia: options.downloadMedia ?? false,
        siteName: gathered.siteName,
        changedKeys: new Set<string>(),
        now: options.now ?? new Date(),
      }
      await importEverything(context, options.file, gathered)
      return context.changedKeys
    }
    // Readers' pages (on this and other instances, and on the edge) are made again with what the import published.
    if (!options.dryRun) await announceChange(db, [...(await run(db))])
    else {
      await db
        .transaction(async (tx) => {
          await run(tx)
          throw new DryRunDone()
        })
        .catch((error: unknown) => {
          if (!(error instanceof DryRunDone)) throw error
        })
    }
  } catch (error) {
    if (error instanceof WxrError) return { ok: false, message: error.message }
    throw error
  }
  return { ok: true, report }
}

async function importingAdmin(db: Db, email: string | undefined): Promise<Actor | null> {
  const [admin] = await db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.isDisabled, false), email ? eq(users.email, email.trim().toLowerCase()) : undefined))
    .orderBy(asc(users.id))
    .limit(1)
  return admin ?? null
}

/**
 * The channel's elements that name the site, most telling first: the import's `source`. The blog's
 * own address comes first, since every blog of a multi-site host (wordpress.com) has the same site address.
 */
const sourceElements = ['wp:base_blog_url', 'wp:base_site_url', 'link']

async function gather(file: string, report: ImportReport): Promise<Gathered> {
  const gathered: Gathered = { siteName: '', source: '', authors: [], categories: [], tags: [], attachments: new Map() }
  const addresses = new Map<string, string>()
  for await (const element of readWxr(file)) {
    if (element.name === 'title') gathered.siteName = element.text.trim()
    else if (sourceElements.includes(element.name)) addresses.set(element.name, element.text.trim())
    else if (element.name === 'wp:author' || element.name === 'wp:category' || element.name === 'wp:tag') {
      const kind = element.name.slice(3)
      const read = element.name === 'wp:author' ? readAuthor(element) : readTerm(element)
      if (!read.ok) report.problem(`an ${kind} in the export`, `not imported: ${read.problem}`)
      else if ('login' in read.value) gathered.authors.push(read.value)
      else (element.name === 'wp:category' ? gathered.categories : gathered.tags).push(read.value)
    } else if (element.name === 'item' && !element.oversized) {
      const item = readItem(element)
      if (item.ok && item.value.type === 'attachment') gathered.attachments.set(item.value.id, readAttachment(item.value))
    }
  }
  gathered.source = sourceElements.map((name) => addresses.get(name) ?? '').find(Boolean) || gathered.siteName || 'wordpress'
  return gathered
}

async function importEverything(context: ImportContext, file: string, gathered: Gathered): Promise<void> {
  const { report } = context
  const accounts = await importPeople(context, gathered.authors)
  const sectionOf = await importSections(context, gathered.categories)
  await importTags(context, gathered.tags)
  const fallback = (await readTree(context.db)).find((section) => section.parentId === null)
  const media = new MediaImporter(context, gathered.attachments)
  for (const id of gathered.attachments.keys()) await media.attachment(id, itemLabel('attachment', id, ''))
  const otherTypes = new Map<string, number>()
  for await (const element of readWxr(file)) {
    if (element.name !== 'item') continue
    const item = readItem(element)
    if (element.oversized || !item.ok) {
      const problem = element.oversized
        ? 'larger than the import reads (16 MB): not imported'
        : `not imported: ${item.ok ? '' : item.problem}`
      report.problem(itemLabel('item', item.ok ? item.value.id : '?', item.ok ? item.value.title : ''), problem)
      report.count('stories', 'skipped')
      continue
    }
    const post = item.value
    if (post.type === 'attachment') continue
    if (post.type === 'page') {
      report.problem(itemLabel('page', post.id, post.title), 'pages are not imported: only posts become stories')
      continue
    }
    if (post.type !== 'post') {
      otherTypes.set(post.type, (otherTypes.get(post.type) ?? 0) + 1)
      continue
    }
    if (!fallback && !post.terms.some((term) => sectionOf.has(term.slug))) {
      report.problem(itemLabel('post', post.id, post.title), 'not imported: the newsroom has no section to file it in')
      report.count('stories', 'skipped')
      continue
    }
    await importPost(context, { accounts, sectionOf, fallbackSectionId: fallback?.id ?? 0, media }, post)
  }
  for (const [type, total] of otherTypes)
    report.problem(`${total} item${total === 1 ? '' : 's'} of type “${type}”`, 'not imported: only posts become stories')
}
