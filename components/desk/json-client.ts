import type { ZodType } from 'zod'

/**
 * Why a request gave no answer to use. `network`: none came (offline, or the server could not be
 * reached). `signed-out`: the session has ended (401, or the desk's redirect to the sign-in page).
 * `unreadable`: the answer was not the JSON expected (an error page from somewhere on the way).
 */
export type JsonFailureReason = 'network' | 'signed-out' | 'unreadable'

/** `status` is 0 when no answer came; `message` is written for the person at the desk. */
export type JsonFailure = { ok: false; reason: JsonFailureReason; status: number; message: string }

/** The route's JSON answer, whatever its status (the desk's routes explain a refusal in JSON too). */
export type JsonResult<T> = { ok: true; status: number; data: T } | JsonFailure

/** What to tell people on each failure; `unreadable` may name the status the server answered. */
export type JsonFailureMessages = {
  network?: string
  signedOut?: string
  unreadable?: (status: number) => string
}

export type JsonRequest<T> = {
  method?: 'GET' | 'POST' | 'DELETE'
  /** Sent as JSON. */
  body?: unknown
  /** Checks the answer; without one, any JSON object is taken as `T` (the desk's own routes). */
  schema?: ZodType<T>
  /** Aborting rejects the promise (with the abort error): the caller has moved on. */
  signal?: AbortSignal
  /** Lets the request outlive the page; honoured only for a body under the browsers' 64 KB limit. */
  keepalive?: boolean
  messages?: JsonFailureMessages
}

/** Browsers refuse a `keepalive` request whose body is over 64 KB; a little room is kept. */
export const maxKeepaliveBytes = 60 * 1024

const defaultMessages: Required<JsonFailureMessages> = {
  network: 'The server could not be reached: check your connection and try again.',
  signedOut: 'You are signed out. Sign in again in another tab.',
  unreadable: (status) => `The server answered ${status}, not as expected. Try again.`,
}

/**
 * Calls one of the desk's JSON routes. Never rejects, except when `signal` aborts it: a network
 * failure, a sign-out or an answer that is not JSON become a `JsonFailure`. Redirects are not
 * followed: the only one a desk route gives is to the sign-in page.
 */
export async function requestJson<T>(url: string, request: JsonRequest<T> = {}): Promise<JsonResult<T>> {
  const messages = { ...defaultMessages, ...request.messages }
  const body = request.body === undefined ? undefined : JSON.stringify(request.body)
  let response: Response
  try {
    response = await fetch(url, {
      method: request.method ?? 'GET',
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body,
      redirect: 'manual',
      signal: request.signal,
      keepalive: (request.keepalive ?? false) && byteLength(body) <= maxKeepaliveBytes,
    })
  } catch (error) {
    if (request.signal?.aborted) throw error
    return { ok: false, reason: 'network', status: 0, message: messages.network }
  }
  if (response.type === 'opaqueredirect' || response.status === 401) {
    return { ok: false, reason: 'signed-out', status: response.status, message: messages.signedOut }
  }
  const unreadable: JsonFailure = {
    ok: false,
    reason: 'unreadable',
    status: response.status,
    message: messages.unreadable(response.status),
  }
  let data: unknown
  try {
    data = await response.json()
  } catch (error) {
    if (request.signal?.aborted) throw error
    return unreadable
  }
  if (request.schema) {
    const parsed = request.schema.safeParse(data)
    return parsed.success ? { ok: true, status: response.status, data: parsed.data } : unreadable
  }
  return typeof data === 'object' && data !== null ? { ok: true, status: response.status, data: data as T } : unreadable
}

/** Tells a route something and does not wait to hear back (e.g. "I closed the story" as the page goes). */
export function notify(url: string, request: { method: 'POST' | 'DELETE'; keepalive?: boolean }): void {
  void fetch(url, { method: request.method, keepalive: request.keepalive, redirect: 'manual' }).catch(() => undefined)
}

function byteLength(body: string | undefined): number {
  return body === undefined ? 0 : new TextEncoder().encode(body).byteLength
}
