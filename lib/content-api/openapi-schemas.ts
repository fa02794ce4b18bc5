import { apiErrorStatus } from './errors'
import { maxPageSize } from './query'

// The shapes of the Content API's answers as JSON Schema (OpenAPI 3.1 speaks JSON Schema 2020-12),
// for openapi.ts. Objects are closed (`additionalProperties: false`): the tests validate every
// real answer against these, so a field the description does not name fails them.

type Schema = Record<string, unknown>

const text: Schema = { type: 'string' }
const id: Schema = { type: 'integer', minimum: 1 }
const time: Schema = { type: 'string', format: 'date-time' }
const url: Schema = { type: 'string', format: 'uri' }
const path: Schema = { type: 'string', pattern: '^/' }
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` })
const nullable = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }] })

function object(properties: Record<string, Schema>, description?: string): Schema {
  return {
    type: 'object',
    ...(description ? { description } : {}),
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  }
}

/** A page of a list: its items, then the cursor and address of the next page (null on the last). */
function page(item: string): Schema {
  return object({
    data: { type: 'array', items: ref(item), maxItems: maxPageSize },
    nextCursor: nullable(text),
    next: nullable({ type: 'string', pattern: '^/api/v1/' }),
  })
}

const correction = {
  id,
  kind: { enum: ['correction', 'update'] },
  body: text,
  createdAt: time,
  retractedAt: nullable(time),
  retractionNote: text,
}

export const schemas: Record<string, Schema> = {
  Error: object(
    { error: object({ code: { enum: Object.keys(apiErrorStatus) }, message: text }) },
    'Every refusal: a code to act on and a message for the person reading it.',
  ),
  Moved: object(
    { location: { type: 'string', pattern: '^/api/v1/stories/by-path\\?' } },
    'The story moved: its new address is in `location`.',
  ),
  SectionRef: object({ id, name: text, path }),
  TagRef: object({ name: text, slug: text }),
  Byline: object({ name: text, outlet: nullable(text), author: nullable(object({ slug: text, url })) }),
  Correction: object(correction),
  Story: object(
    {
      id,
      href: path,
      url,
      path,
      headline: text,
      standfirst: text,
      dateline: text,
      section: ref('SectionRef'),
      bylines: { type: 'array', items: ref('Byline') },
      tags: { type: 'array', items: ref('TagRef') },
      firstPublishedAt: time,
      publishedAt: time,
      modifiedAt: time,
      lead: nullable(object({ url, width: id, height: id, alt: text, caption: text, credit: text })),
      bodyHtml: text,
      corrections: { type: 'array', items: ref('Correction') },
    },
    'A story as its reader’s page shows it: the live revision, its bylines, tags, lead photo, body (HTML) and corrections.',
  ),
  StorySummary: object(
    {
      id,
      href: path,
      url,
      path,
      headline: text,
      standfirst: text,
      section: ref('SectionRef'),
      tags: { type: 'array', items: ref('TagRef') },
      firstPublishedAt: time,
      publishedAt: time,
      modifiedAt: time,
    },
    'A story in a list; the whole story is at `href`.',
  ),
  StoryPage: page('StorySummary'),
  Section: object({ id, name: text, slug: text, path, url, description: text, children: { type: 'array', items: ref('Section') } }),
  SectionTree: object({ data: { type: 'array', items: ref('Section') } }),
  Author: object({ id, name: text, slug: text, url, jobTitle: text, bio: text, links: { type: 'array', items: url } }),
  AuthorPage: page('Author'),
  Tag: object({ slug: text, name: text, description: text, url, storiesHref: path }),
  TagPage: page('Tag'),
  CorrectionEntry: object({ ...correction, story: object({ id, href: path, headline: text, path, url }) }),
  CorrectionPage: page('CorrectionEntry'),
}
