// Load on one URL with autocannon, bounded in time, after one warming request.
import autocannon from 'autocannon'
import { request } from './http.mjs'

/**
 * The warming request: tells whether the URL is there at all. A 404 is `missing` (a route not
 * built yet), any other status outside 2xx is `error`.
 */
export async function probe(url) {
  try {
    const answer = await request(url)
    if (answer.status === 404) return { state: 'missing', status: 404 }
    if (answer.status < 200 || answer.status > 299) return { state: 'error', status: answer.status, message: `answered ${answer.status}` }
    return { state: 'ok', status: answer.status, body: answer.body, headers: answer.headers }
  } catch (error) {
    return { state: 'error', status: null, message: error.message }
  }
}

/**
 * Requests per second and latency at a number of connections for `duration` seconds.
 * No Accept-Encoding is sent, so every server answers uncompressed, alike.
 */
export async function measure(url, { connections, duration }) {
  const result = await autocannon({ url, connections, duration, timeout: 10 })
  const seconds = result.duration || duration
  const total = result.requests.total
  return {
    connections,
    durationS: round(seconds, 2),
    requests: total,
    rps: round(total / seconds, 1),
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: round(result.latency.average, 2),
    },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    throughputBytesPerS: Math.round(result.throughput.average),
  }
}

export function round(value, digits = 1) {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}
