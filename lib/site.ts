import 'server-only'

/** The publication's name, address and publisher, from the environment, with the demo's defaults. */
export type SiteSettings = { name: string; url: string; publisher: string; description: string }

export function siteSettings(env: NodeJS.ProcessEnv = process.env): SiteSettings {
  return {
    name: env.SITE_NAME?.trim() || 'Copydesk',
    url: (env.SITE_URL?.trim() || 'http://localhost:3000').replace(/\/+$/, ''),
    publisher: env.SITE_PUBLISHER?.trim() || 'Copydesk Media',
    description: env.SITE_DESCRIPTION?.trim() || 'News from the Copydesk newsroom.',
  }
}

/** A site path (`/regions/middle-east/…`) or a media address as a full URL for feeds, sitemaps and previews. */
export function absoluteUrl(pathOrUrl: string, settings: SiteSettings = siteSettings()): string {
  if (/^https?:\/\//i.test(pathOrUrl)) return pathOrUrl
  return `${settings.url}${pathOrUrl.startsWith('/') ? '' : '/'}${pathOrUrl}`
}
