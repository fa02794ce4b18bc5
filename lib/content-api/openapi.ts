import 'server-only'
import { z } from 'zod'
import { apiErrorResponse } from './errors'
import { ninjsMediaType } from './format'
import { ninjsSchemaUri } from './ninjs'
import { schemas } from './openapi-schemas'
import { readSecurity, securitySchemes, tokenPaths, tokenRefusals } from './openapi-tokens'
import { defaultPageSize, formatParam, maxPageSize, readRequest } from './query'
import { apiBody } from './respond'

// The Content API described in OpenAPI 3.1, served at /api/v1/openapi.json. The tests ask the
// real endpoints and validate each answer against the schema given here for its path, status
// and media type (lib/content-api/openapi.data.test.ts).

type Operation = Record<string, unknown>

const json = (schema: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } })
const answer = (description: string, schema: string) => ({ description, content: json(schema) })
const refused = (description: string) => answer(description, 'Error')
const param = (name: string) => ({ $ref: `#/components/parameters/${name}` })

/** A story's answers; `moved` for an address, which a story may have left. */
function storyAnswers(moved: boolean) {
  return {
    '200': {
      description: 'The story, in JSON or in ninjs 3.1.',
      content: { ...json('Story'), [ninjsMediaType]: { schema: { $ref: ninjsSchemaUri.replace(/#$/, '') } } },
    },
    ...(moved ? { '301': answer('The story moved (a new slug or section): `Location` is its address in the API now.', 'Moved') } : {}),
    '400': refused('A parameter is unknown, repeated or malformed (`invalid_query`).'),
    '404': refused('No story readers can see is there (`not_found`).'),
    '410': refused('The story was published and has been taken down (`gone`).'),
    ...tokenRefusals('read:published'),
  }
}

function list(summary: string, schema: string, filters: Operation[] = [], description = ''): Operation {
  return {
    get: {
      summary,
      ...(description ? { description } : {}),
      parameters: [...filters, param('limit'), param('cursor'), param('format')],
      responses: {
        '200': answer('One page of the list.', schema),
        '400': refused(
          'A parameter is unknown, repeated or malformed (`invalid_query`), or the cursor is not one this list gave (`bad_cursor`).',
        ),
        ...(filters.length > 0 ? { '404': refused('The section, author or tag filtered by has no page on the site (`not_found`).') } : {}),
        '406': refused('ninjs was asked for: lists come in JSON only (`not_acceptable`).'),
        ...tokenRefusals('read:published'),
      },
    },
  }
}

const query = (name: string, description: string, schema: Operation) => ({ name, in: 'query', required: false, description, schema })

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Copydesk Content API',
    version: '1.0.0',
    description: [
      'What the reader’s site shows, as JSON: published stories only (their live revision), never drafts, notes, e-mail addresses or anything under an embargo. No token is needed for that.',
      'With a token (`Authorization: Bearer`, made by an admin at /desk/admin/tokens), a program may also read the newest drafts (`/drafts`, `read:drafts`), write drafts — never publish — with If-Match on their version (`write:drafts`), and read the webhook log (`webhooks`). A token’s answers are `Cache-Control: private, no-store`; reading published content with one needs `read:published`.',
      `Lists are newest first (tags by slug, authors by name), at most ${maxPageSize} items a page; follow \`next\` until it is null.`,
      'Every answer carries an ETag (send it back in If-None-Match for a 304) and `Cache-Control: public, max-age=0, must-revalidate`: an answer changes the moment what it shows changes on the site.',
      'A method an address does not take is answered 405 with an Error body (`method_not_allowed`) and Allow; an unknown address under /api/v1/ 404 (`not_found`); a body over 2 MB 413 (`payload_too_large`).',
    ].join('\n\n'),
  },
  servers: [{ url: '/api/v1' }],
  security: readSecurity,
  paths: {
    '/stories': list('Published stories, newest first', 'StoryPage', [
      query('section', 'A section id: its stories and those of the sections under it.', { type: 'integer', minimum: 1 }),
      query('author', 'A staff author’s id (from /authors).', { type: 'integer', minimum: 1 }),
      query('tag', 'A tag’s slug (from /tags).', { type: 'string', pattern: '^[a-z0-9-]{1,80}$' }),
      query('updated_since', 'Only stories published, republished or corrected at or after this time (with its zone).', {
        type: 'string',
        format: 'date-time',
      }),
    ]),
    '/stories/{id}': {
      get: {
        summary: 'One story by its id',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }, param('format')],
        responses: storyAnswers(false),
      },
    },
    '/stories/by-path': {
      get: {
        summary: 'The story at an address of the reader’s site',
        parameters: [
          { name: 'path', in: 'query', required: true, description: 'Such as /world/harbour-reopens.', schema: { type: 'string' } },
          param('format'),
        ],
        responses: storyAnswers(true),
      },
    },
    '/sections': {
      get: {
        summary: 'The section tree, in the site’s order',
        parameters: [param('format')],
        responses: {
          '200': answer('Every top-level section, each with the sections under it.', 'SectionTree'),
          '400': refused('A parameter is unknown or malformed (`invalid_query`).'),
          '406': refused('ninjs was asked for (`not_acceptable`).'),
          ...tokenRefusals('read:published'),
        },
      },
    },
    '/authors': list('Staff with a published story, by name', 'AuthorPage'),
    '/tags': list('Tags of published stories, by slug', 'TagPage'),
    '/corrections': list('Corrections and updates on published stories, newest first', 'CorrectionPage'),
    ...tokenPaths,
  },
  components: {
    schemas,
    securitySchemes,
    parameters: {
      limit: query('limit', `Items per page, ${defaultPageSize} unless given.`, { type: 'integer', minimum: 1, maximum: maxPageSize }),
      cursor: query('cursor', 'Where the page starts: `nextCursor` of the page before.', { type: 'string' }),
      format: query('format', `json, or ninjs (single stories only; \`Accept: ${ninjsMediaType}\` does the same).`, {
        enum: ['json', 'ninjs'],
      }),
    },
  },
}

/** `GET /api/v1/openapi.json`. */
export function serveOpenApi(request: Request): Response {
  const read = readRequest(request, z.strictObject({ format: formatParam }))
  return read.ok ? apiBody(openApiDocument) : apiErrorResponse(read.error)
}
