// A small HTTP client for the harness's own requests: keep-alive, a cookie jar, timing to the
// last byte. (The load itself is autocannon's, in load.mjs.)
import http from 'node:http'

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 })

/**
 * One request. Resolves with `{ status, headers, body, ms }`, `ms` being the time from sending
 * to the last byte of the answer. Redirects are not followed.
 */
export function request(url, { method = 'GET', headers = {}, body, jar, timeoutMs = 30_000 } = {}) {
  const target = new URL(url)
  const allHeaders = { ...headers }
  if (jar && jar.size > 0) allHeaders.cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
  if (body !== undefined) allHeaders['content-length'] = Buffer.byteLength(body)
  // As a browser would: the app refuses a change sent with a session cookie but no Origin (lib/same-origin.ts).
  if (method !== 'GET' && method !== 'HEAD') allHeaders.origin ??= target.origin
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const req = http.request(target, { method, headers: allHeaders, agent, timeout: timeoutMs }, (res) => {
      const chunks = []
      res.on('data', (chunk) => chunks.push(chunk))
      res.on('end', () => {
        const ms = performance.now() - started
        if (jar) storeCookies(jar, res.headers['set-cookie'])
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), ms })
      })
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error(`no answer from ${target.pathname} within ${timeoutMs / 1000} s`)))
    req.on('error', reject)
    req.end(body)
  })
}

/** Remembers `Set-Cookie` values in a Map; an expired or emptied cookie is dropped. */
function storeCookies(jar, setCookies = []) {
  for (const line of setCookies) {
    const [pair, ...attributes] = line.split(';')
    const at = pair.indexOf('=')
    if (at < 1) continue
    const name = pair.slice(0, at).trim()
    const value = pair.slice(at + 1).trim()
    const expired = attributes.some(
      (attribute) =>
        /^\s*max-age=0\s*$/i.test(attribute) || (/^\s*expires=/i.test(attribute) && Date.parse(attribute.split('=')[1]) < Date.now()),
    )
    if (expired || value === '') jar.delete(name)
    else jar.set(name, value)
  }
}

/** Sends JSON, parses the answer as JSON (null when it is not). */
export async function postJson(url, data, jar) {
  const answer = await request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(data), jar })
  let json = null
  try {
    json = JSON.parse(answer.body)
  } catch {
    // Not JSON: the caller reports the status.
  }
  return { ...answer, json }
}

/** Releases the keep-alive sockets, so the process can end. */
export function closeConnections() {
  agent.destroy()
}
