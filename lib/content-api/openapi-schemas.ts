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

const optionalId = nullable(id)

/** A draft's fields as the desk holds them (lib/article-input.ts); a write sends any of them. */
const draftFields: Record<string, Schema> = {
  headline: text,
  standfirst: text,
  dateline: text,
  sectionId: id,
  slug: text,
  tags: { type: 'array', items: text },
  body: { type: 'object', description: 'TipTap JSON (`{ "type": "doc", "content": [...] }`), checked against the editor’s schema.' },
  leadMediaId: optionalId,
  leadCaption: text,
  leadCredit: text,
  seoTitle: text,
  seoDescription: text,
  socialHeadline: text,
  socialMediaId: optionalId,
}

const draftByline: Schema = {
  anyOf: [object({ userId: id, name: text }), object({ name: text, outlet: text })],
}

const delivery = {
  id,
  eventId: text,
  eventType: text,
  createdAt: time,
  status: { enum: ['pending', 'delivered', 'failed'] },
  nextAttemptAt: time,
  story: nullable(object({ id, headline: nullable(text) })),
  attempts: {
    type: 'array',
    items: object({
      startedAt: time,
      durationMs: { type: 'integer', minimum: 0 },
      responseStatus: nullable({ type: 'integer' }),
      error: text,
    }),
  },
}

export const schemas: Record<string, Schema> = {
  Error: object(
    {
      error: {
        type: 'object',
        properties: { code: { enum: Object.keys(apiErrorStatus) }, message: text, field: text },
        required: ['code', 'message'],
        additionalProperties: false,
      },
    },
    'Every refusal: a code to act on, a message for the person reading it, and the body’s field at fault when there is one.',
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
  Draft: object(
    {
      id,
      href: path,
      status: { enum: ['draft', 'in_review', 'changes_requested', 'approved', 'scheduled', 'published', 'unpublished'] },
      version: id,
      revision: id,
      ...draftFields,
      bylines: { type: 'array', items: draftByline },
      wordCount: { type: 'integer', minimum: 0 },
      savedAt: time,
      published: nullable(object({ href: path, hasUnpublishedChanges: { type: 'boolean' } })),
    },
    'A story’s newest revision, as the desk holds it. `version` (also the ETag, as `"v<version>"`) goes back in If-Match.',
  ),
  DraftSummary: object({ id, href: path, status: text, version: id, revision: id, headline: text, sectionId: id, savedAt: time }),
  DraftPage: page('DraftSummary'),
  DraftInput: {
    type: 'object',
    description:
      'A draft’s fields; unknown fields are refused (400), and so are status and publishing, which stay a person’s act in the desk. ' +
      'Creating needs `headline` and `sectionId`; an update changes only the fields sent.',
    properties: {
      ...draftFields,
      bylines: { type: 'array', items: { anyOf: [object({ userId: id }), object({ name: text, outlet: text })] } },
    },
    additionalProperties: false,
  },
  Delivery: object(delivery),
  DeliveryLog: object({ data: { type: 'array', items: ref('Delivery') } }),
}
