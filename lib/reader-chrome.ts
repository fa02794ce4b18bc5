import 'server-only'
import type { ReaderChrome } from '@/components/reader/shell'
import type { Db } from '@/db'
import { listTopSections } from './sections'
import { siteSettings } from './site'

/** What the masthead and footer of every reader's page need: the site's settings and the top sections. */
export async function readerChrome(db: Db): Promise<ReaderChrome> {
  const sections = await listTopSections(db)
  return { site: siteSettings(), sections: sections.map((section) => ({ name: section.name, path: `/${section.slug}` })) }
}
