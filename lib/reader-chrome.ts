import 'server-only'
import type { Db } from '@/db'
import { pageKey, shows } from './page-keys'
import { listTopSections } from './sections'
import { type SiteSettings, readSiteSettings } from './site'
import { footerPages } from './site-pages'

/** What every reader's page shows around its content. */
export type ReaderChrome = {
  site: SiteSettings
  sections: readonly { name: string; path: string }[]
  /** The newsroom's standing pages with text (About, Contact, its policies…), for the footer. */
  pages: readonly { title: string; path: string }[]
}

/** What the masthead and footer of every reader's page need: the site's settings, the top sections and the standing pages. */
export async function readerChrome(db: Db): Promise<ReaderChrome> {
  shows(pageKey.sections)
  const [site, sections, pages] = await Promise.all([readSiteSettings(db), listTopSections(db), footerPages(db)])
  return { site, sections: sections.map((section) => ({ name: section.name, path: `/${section.slug}` })), pages }
}
