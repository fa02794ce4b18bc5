import { getDb } from '@/db'
import { onFirstRequest } from '../../reader-response'
import { serveCorrections } from '../../lists'

/** `/corrections` and `/corrections/page/N`: the public record of corrections and updates. */
export const generateStaticParams = onFirstRequest

export async function GET(_request: Request, { params }: { params: Promise<{ page?: string[] }> }): Promise<Response> {
  const { page = [] } = await params
  return serveCorrections(getDb(), page)
}
