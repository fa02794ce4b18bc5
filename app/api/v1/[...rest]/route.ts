import { apiErrorResponse } from '@/lib/content-api/errors'

/** Any other address under /api/v1/: a 404 in the API's own shape. */
export async function GET(request: Request): Promise<Response> {
  return apiErrorResponse({
    code: 'not_found',
    message: `${new URL(request.url).pathname} is not an address of this API: see /api/v1/openapi.json.`,
  })
}
