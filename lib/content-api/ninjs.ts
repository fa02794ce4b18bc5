import type { ApiStory } from './story-json'

// A story in IPTC's ninjs 3.1 ("News in JSON", https://iptc.org/standards/ninjs/), for newsroom
// systems that take it: `Accept: application/ninjs+json` or `?format=ninjs`. Only properties the
// story has are given; the tests validate every answer against IPTC's published schema
// (test/fixtures/ninjs/).

export const ninjsSchemaUri = 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#'

type Text = { role?: string; contentType?: string; value: string }
type Rendition = { name: string; href: string; contentType?: string; width?: number; height?: number }
type Named = { name: string; rel?: string; uri?: string; literal?: string }

/** The part of ninjs 3.1 this API writes. */
export type NinjsItem = {
  uri: string
  type: 'text' | 'picture'
  representationType?: 'full'
  firstCreated?: string
  versionCreated?: string
  pubStatus?: 'usable'
  language?: string
  copyrightHolder?: string
  headlines?: Text[]
  descriptions?: Text[]
  bodies?: Text[]
  by?: string
  located?: string
  people?: Named[]
  subjects?: Named[]
  renditions?: Rendition[]
  associations?: (NinjsItem & { name: string; rel?: string })[]
  altIds?: { role: string; value: string }[]
  standard?: { name: string; version: string; schema: string }
}

/** What ninjs needs of the publication: its address (for the item's URI), language and publisher. */
export type NinjsPublication = { url: string; language: string; publisher: string }

/** The story as a ninjs 3.1 item: its live revision, bylines as people, tags as subjects, the lead photo as an association. */
export function toNinjs(story: ApiStory, publication: NinjsPublication): NinjsItem {
  const descriptions: Text[] = [
    ...(story.standfirst ? [{ role: 'summary', value: story.standfirst }] : []),
    ...story.corrections
      .filter((correction) => correction.retractedAt === null)
      .map((correction) => ({ role: correction.kind, value: correction.body })),
  ]
  return {
    uri: `${publication.url}${story.href}`,
    type: 'text',
    representationType: 'full',
    firstCreated: story.firstPublishedAt,
    versionCreated: story.modifiedAt,
    pubStatus: 'usable',
    language: publication.language,
    copyrightHolder: publication.publisher,
    headlines: [{ role: 'main', value: story.headline }],
    ...(descriptions.length > 0 ? { descriptions } : {}),
    bodies: [{ role: 'main', contentType: 'text/html', value: story.bodyHtml }],
    ...(story.bylines.length > 0 ? { by: story.bylines.map((byline) => byline.name).join(' and ') } : {}),
    ...(story.dateline ? { located: story.dateline } : {}),
    ...(story.bylines.length > 0
      ? {
          people: story.bylines.map((byline) => ({
            name: byline.name,
            rel: 'author',
            ...(byline.author ? { uri: byline.author.url } : {}),
          })),
        }
      : {}),
    ...(story.tags.length > 0
      ? { subjects: story.tags.map((tag) => ({ name: tag.name, literal: tag.slug, uri: `${publication.url}/tags/${tag.slug}` })) }
      : {}),
    renditions: [{ name: 'web', href: story.url, contentType: 'text/html' }],
    ...(story.lead ? { associations: [leadPhoto(story.lead)] } : {}),
    altIds: [{ role: 'copydesk-story-id', value: String(story.id) }],
    standard: { name: 'ninjs', version: '3.1', schema: ninjsSchemaUri },
  }
}

function leadPhoto(lead: NonNullable<ApiStory['lead']>): NinjsItem & { name: string; rel: string } {
  const descriptions: Text[] = [
    ...(lead.caption ? [{ role: 'caption', value: lead.caption }] : []),
    ...(lead.alt ? [{ role: 'alternative-text', value: lead.alt }] : []),
  ]
  return {
    name: 'lead-photo',
    rel: 'lead',
    uri: lead.url,
    type: 'picture',
    ...(descriptions.length > 0 ? { descriptions } : {}),
    ...(lead.credit ? { by: lead.credit } : {}),
    renditions: [{ name: 'original', href: lead.url, width: lead.width, height: lead.height }],
  }
}
