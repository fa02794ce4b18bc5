import { apiErrorResponse } from '@/lib/content-api/errors'

/** /api/v1 itself, and any other address under it: a 404 in the API's own shape. */
export async function GET(request: Request): Promise<Response> {
  return apiErrorResponse({
    code: 'not_found',
    message: `${new URL(request.url).pathname} is not an address of this API: see /api/v1/openapi.json.`,
  })
}
