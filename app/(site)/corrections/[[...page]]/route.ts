import { getDb } from '@/db'
import { readerPage } from '../../reader-response'
import { serveCorrections } from '../../lists'

/** `/corrections` and `/corrections/page/N`: the public record of corrections and updates. */
export const dynamic = 'force-dynamic'

export async function GET(request: Request, { params }: { params: Promise<{ page?: string[] }> }): Promise<Response> {
  const { page = [] } = await params
  return readerPage(request, () => serveCorrections(getDb(), page))
}
