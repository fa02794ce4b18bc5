import 'server-only'
import type { Db } from '@/db'
import { pageKey, shows } from './page-keys'
import { listTopSections } from './sections'
import { type SiteSettings, siteSettings } from './site'

/** What every reader's page shows around its content. */
export type ReaderChrome = { site: SiteSettings; sections: readonly { name: string; path: string }[] }

/** What the masthead and footer of every reader's page need: the site's settings and the top sections. */
export async function readerChrome(db: Db): Promise<ReaderChrome> {
  shows(pageKey.sections)
  const sections = await listTopSections(db)
  return { site: siteSettings(), sections: sections.map((section) => ({ name: section.name, path: `/${section.slug}` })) }
}
