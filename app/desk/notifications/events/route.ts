import { refusalResponse } from '@/lib/http'
import { notificationEventStream } from '@/lib/notification-events'
import { authorizeRequest } from '@/lib/session'

export const dynamic = 'force-dynamic'

/** The signed-in person's live notifications (server-sent events): their unread count, then each new one. */
export async function GET(request: Request): Promise<Response> {
  const signedIn = await authorizeRequest('desk.enter')
  if (!signedIn.ok) return refusalResponse(signedIn)
  return notificationEventStream(signedIn.user, request.signal)
}
