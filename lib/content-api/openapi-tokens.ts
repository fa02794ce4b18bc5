import { defaultRateLimit } from '../api-tokens/rate-limit'
import { apiScopeLabels, apiScopes } from '../api-tokens/scopes'

// The Content API's operations for tokens, for openapi.ts: the bearer scheme, the refusals a
// token can meet on any address, and /drafts and /webhooks/deliveries.

type Operation = Record<string, unknown>

const json = (schema: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } })
const answer = (description: string, schema: string) => ({ description, content: json(schema) })
const refused = (description: string) => answer(description, 'Error')
const limitPerMinute = defaultRateLimit.limit

export const securitySchemes = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description: [
      'A token an admin made at /desk/admin/tokens, sent as `Authorization: Bearer cdk_…`. Its scopes: ' +
        apiScopes.map((scope) => `\`${scope}\` (${apiScopeLabels[scope]})`).join('; ') +
        '. A token may be limited to some sections (and those under them): it then sees and writes only their stories.',
      `A token makes at most ${limitPerMinute} requests a minute per server instance (RateLimit-Limit, -Remaining, -Reset on every answer; 429 with Retry-After beyond).`,
    ].join('\n\n'),
  },
}

/** Reading addresses: open to all, or with a token that has `read:published`. */
export const readSecurity = [{}, { bearer: ['read:published'] }]

/** What a request with a token may be refused on any address. */
export function tokenRefusals(scope: string): Operation {
  return {
    '401': refused('The token is missing (where one is needed), unknown, revoked or expired (`unauthorized`); see WWW-Authenticate.'),
    '403': refused(`The token lacks the \`${scope}\` scope (\`insufficient_scope\`), or its maker may no longer do this (\`forbidden\`).`),
  }
}

const param = (name: string) => ({ $ref: `#/components/parameters/${name}` })
const idPath = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }
const draftBody = (required: boolean) => ({
  required: true,
  content: {
    'application/json': {
      schema: required
        ? { allOf: [{ $ref: '#/components/schemas/DraftInput' }, { required: ['headline', 'sectionId'] }] }
        : { $ref: '#/components/schemas/DraftInput' },
    },
  },
})
const badBody = refused(
  'The body is not a JSON object, or has an unknown field, or a field is malformed; `field` names it (`invalid_body`).',
)
const deskRefusal = refused(
  'The desk’s rules refuse the draft: a section or image that does not exist, a slug taken in its section (`unprocessable`, with `field`).',
)

export const tokenPaths = {
  '/drafts': {
    get: {
      summary: 'Every story’s newest revision, most recently saved first (`read:drafts`)',
      security: [{ bearer: ['read:drafts'] }],
      parameters: [
        {
          name: 'section',
          in: 'query',
          required: false,
          description: 'Only stories filed in this section.',
          schema: { type: 'integer', minimum: 1 },
        },
        param('limit'),
        param('cursor'),
      ],
      responses: {
        '200': answer('One page of stories not in the trash.', 'DraftPage'),
        '400': refused('A parameter is unknown or malformed (`invalid_query`), or the cursor is not one this list gave (`bad_cursor`).'),
        ...tokenRefusals('read:drafts'),
        '429': refused(`The token made more than its ${limitPerMinute} requests this minute (\`rate_limited\`); see Retry-After.`),
      },
    },
    post: {
      summary: 'Start a story (`write:drafts`)',
      description:
        'A new story in draft, written through the desk’s own checks and revisions, as the admin who made the token (its creator and, unless `bylines` says otherwise, its byline). It is never published: publishing is a person’s act in the desk.',
      security: [{ bearer: ['write:drafts'] }],
      requestBody: draftBody(true),
      responses: {
        '201': { ...answer('The new draft; Location is its address, the ETag its version.', 'Draft') },
        '400': badBody,
        ...tokenRefusals('write:drafts'),
        '415': refused('The body is not `application/json` (`unsupported_media_type`).'),
        '422': deskRefusal,
      },
    },
  },
  '/drafts/{id}': {
    get: {
      summary: 'A story’s newest revision, with its version (`read:drafts`)',
      security: [{ bearer: ['read:drafts'] }],
      parameters: [idPath],
      responses: {
        '200': answer('The draft; the ETag is its version, for If-Match.', 'Draft'),
        ...tokenRefusals('read:drafts'),
        '404': refused('No story the token may see is there (`not_found`).'),
      },
    },
    patch: {
      summary: 'Save a new revision of a story (`write:drafts`)',
      description:
        'The fields sent replace those of the newest revision; the others stay. `If-Match` must carry the version read (the ETag). A published story stays as readers see it: the change waits, as a new draft revision, for someone to publish it in the desk.',
      security: [{ bearer: ['write:drafts'] }],
      parameters: [idPath, { name: 'If-Match', in: 'header', required: true, schema: { type: 'string', example: '"v4"' } }],
      requestBody: draftBody(false),
      responses: {
        '200': answer('The draft as saved; the ETag is its new version.', 'Draft'),
        '400': badBody,
        ...tokenRefusals('write:drafts'),
        '404': refused('No story the token may see is there (`not_found`).'),
        '412': refused('Someone saved the story since that version (`precondition_failed`); the ETag is the version now.'),
        '415': refused('The body is not `application/json` (`unsupported_media_type`).'),
        '422': deskRefusal,
        '428': refused('If-Match is missing (`precondition_required`).'),
      },
    },
  },
  '/webhooks/deliveries': {
    get: {
      summary: 'An endpoint’s webhook delivery log, newest first (`webhooks`)',
      security: [{ bearer: ['webhooks'] }],
      parameters: [
        { name: 'endpoint', in: 'query', required: true, description: 'The endpoint’s id.', schema: { type: 'integer', minimum: 1 } },
      ],
      responses: {
        '200': answer('Its newest deliveries, each with its attempts.', 'DeliveryLog'),
        '400': refused('`endpoint` is missing or malformed, or a parameter is unknown (`invalid_query`).'),
        ...tokenRefusals('webhooks'),
      },
    },
  },
}
