import http from 'node:http'
import https from 'node:https'
import { addressRefusalOfUrl, checkedLookup } from './addresses'
import { eventIdHeader, eventTypeHeader, signatureHeader, signatureHeaderValue } from './signing'

// One HTTP POST of a delivery, with everything that keeps a bad endpoint harmless: the address
// checked after the name is resolved (and connected to as checked), no redirect followed (a 3xx
// is an answer like any other non-2xx), a time limit on the whole exchange, and at most
// `maxResponseBytes` of the answer read. Never throws: what happened is the outcome.

export const requestTimeoutMs = 10_000
const maxResponseBytes = 64 * 1024

export type SendRequest = {
  url: string
  secret: string
  eventId: string
  eventType: string
  body: string
  allowPrivate: boolean
  /** When it is signed: the signature's time. */
  signedAt: Date
  timeoutMs?: number
}

/** What an attempt came to: the status answered or why no (whole) answer came, and how long it took. */
export type SendOutcome = { status: number | null; error: string; durationMs: number }

/** A 2xx answered in full: the delivery is done. */
export function isDelivered(outcome: SendOutcome): boolean {
  return outcome.error === '' && outcome.status !== null && outcome.status >= 200 && outcome.status < 300
}

export async function sendDelivery(request: SendRequest): Promise<SendOutcome> {
  const started = performance.now()
  const finish = (status: number | null, error = ''): SendOutcome => ({
    status,
    error,
    durationMs: Math.round(performance.now() - started),
  })
  const url = new URL(request.url)
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return finish(null, 'Only http:// and https:// addresses are sent to.')
  const refused = addressRefusalOfUrl(url, request.allowPrivate)
  if (refused) return finish(null, refused)
  const timeoutMs = request.timeoutMs ?? requestTimeoutMs
  return new Promise<SendOutcome>((resolve) => {
    const client = url.protocol === 'https:' ? https : http
    const outgoing = client.request(url, {
      method: 'POST',
      agent: false,
      lookup: checkedLookup(request.allowPrivate),
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(request.body),
        'user-agent': 'Copydesk-Webhooks/1',
        [eventIdHeader]: request.eventId,
        [eventTypeHeader]: request.eventType,
        [signatureHeader]: signatureHeaderValue(request.secret, request.body, request.signedAt),
      },
    })
    const timer = setTimeout(() => {
      settle(finish(null, `No answer within ${timeoutMs / 1000} s.`))
      outgoing.destroy()
    }, timeoutMs)
    let settled = false
    const settle = (outcome: SendOutcome) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(outcome)
    }
    outgoing.on('response', (response) => {
      const status = response.statusCode ?? null
      const isRedirect = status !== null && status >= 300 && status < 400
      const answered = () => settle(finish(status, isRedirect ? 'Redirects are not followed.' : ''))
      let read = 0
      response.on('data', (chunk: Buffer) => {
        read += chunk.length
        // Enough of an answer: the status is what counts.
        if (read > maxResponseBytes) {
          answered()
          outgoing.destroy()
        }
      })
      response.on('end', answered)
      response.on('error', (error) => settle(finish(status, error.message)))
      response.on('close', () => settle(finish(status, response.complete ? '' : 'The answer was cut off.')))
    })
    outgoing.on('error', (error) => settle(finish(null, error.message)))
    outgoing.end(request.body)
  })
}
