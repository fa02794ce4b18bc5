import 'server-only'
import type { Db } from '@/db'
import { mediaUrl } from './media/urls'
import { pageKey, shows } from './page-keys'
import { type Publication, publicationDefaults } from './publication-schema'
import { readPublication } from './settings'

/** The publication as readers' pages print it (lib/publication-schema.ts), its logo as an address with its size. */
export type SiteSettings = Omit<Publication, 'logo'> & { logo: { src: string; width: number; height: number } | null }

/**
 * The publication as the server's environment describes it, without the desk's settings. Only for
 * what must not depend on the database: the origin requests must come from (lib/same-origin.ts),
 * so that a mistyped address saved in the desk cannot lock the desk itself out.
 */
export function siteSettings(env: NodeJS.ProcessEnv = process.env): SiteSettings {
  return asShown(publicationDefaults(env))
}

/** The publication as readers meet it: what an admin saved in the desk, else the environment's. Every page showing it notes `site`. */
export async function readSiteSettings(db: Db): Promise<SiteSettings> {
  shows(pageKey.site)
  return asShown(await readPublication(db))
}

function asShown({ logo, ...publication }: Publication): SiteSettings {
  return { ...publication, logo: logo ? { src: mediaUrl(logo.key), width: logo.width, height: logo.height } : null }
}

/** A site path (`/regions/middle-east/…`) or a media address as a full URL for feeds, sitemaps and previews. */
export function absoluteUrl(pathOrUrl: string, settings: Pick<SiteSettings, 'url'>): string {
  if (/^https?:\/\//i.test(pathOrUrl)) return pathOrUrl
  return `${settings.url}${pathOrUrl.startsWith('/') ? '' : '/'}${pathOrUrl}`
}
