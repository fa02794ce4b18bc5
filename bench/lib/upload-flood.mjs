// The upload flood of issue #16: many large uploads at once by signed-in editors, while readers
// keep reading. Measures the server's resident memory (before and during) and the story page's
// latency (before and during). The bench server runs with UPLOADS_PER_MINUTE and
// UPLOAD_MB_PER_DAY raised (run.mjs), so the per-person limits do not turn the flood away.
import crypto from 'node:crypto'
import http from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import autocannon from 'autocannon'
import sharp from 'sharp'
import { memorySampler } from './server.mjs'
import { signIn } from './sign-in.mjs'

const MB = 1024 * 1024

/**
 * `uploads` uploads of about `megabytes` MB each, all sent at once, split between two editors,
 * against the server at `base` (process `pid`), with `readerConnections` readers on
 * `storyPath` throughout. Resolves with the figures for the report.
 */
export async function uploadFlood({ base, pid, storyPath, log, uploads = 50, megabytes = 10, readerConnections = 10, quietSeconds = 5 }) {
  log(`Upload flood: making ${uploads} different ${megabytes} MB random-noise JPEGs.`)
  const photos = await noisePhotos(uploads, megabytes)
  const jars = [await signIn(base, 'editor@copydesk.test'), await signIn(base, 'editor2@copydesk.test')]
  // Warm the route (first compile of its modules, first sharp load) with one small upload.
  await upload(
    base,
    jars[0],
    await sharp({ create: { width: 64, height: 64, channels: 3, background: '#336699' } })
      .jpeg()
      .toBuffer(),
  )

  log(`Upload flood: ${quietSeconds} s of readers alone (${readerConnections} connections on ${storyPath}).`)
  // Every 100 ms: a flood's peak can be short.
  const memory = memorySampler(pid, 100)
  memory.phase('quiet')
  const quiet = await readers(`${base}${storyPath}`, readerConnections, sleep(quietSeconds * 1000))

  log(`Upload flood: ${uploads} uploads of ${megabytes} MB at once, readers still reading.`)
  memory.phase('flood')
  const started = performance.now()
  const sending = Promise.all(photos.map((photo, index) => upload(base, jars[index % jars.length], photo)))
  const during = await readers(`${base}${storyPath}`, readerConnections, sending)
  const answers = await sending
  const seconds = (performance.now() - started) / 1000
  memory.stop()
  const { peakRssBytesByPhase, meanRssBytesByPhase, maxVmHwmBytes } = memory.report()

  const statuses = {}
  for (const answer of answers) statuses[answer.status] = (statuses[answer.status] ?? 0) + 1
  return {
    uploads,
    megabytes,
    seconds: Math.round(seconds * 10) / 10,
    statuses,
    uploadMs: summary(answers.map((answer) => answer.ms)),
    memory: {
      idleRssBytes: meanRssBytesByPhase.quiet,
      peakRssBytes: peakRssBytesByPhase.flood,
      growthBytes: peakRssBytesByPhase.flood - meanRssBytesByPhase.quiet,
      maxVmHwmBytes,
    },
    reader: { connections: readerConnections, quiet, during },
  }
}

/** Distinct JPEGs of random noise (so they really decode and never deduplicate): one encode, a different comment in each. */
async function noisePhotos(count, megabytes) {
  // Noise at quality 100 without chroma subsampling is ~2.8 bytes a pixel.
  const pixels = Math.round((megabytes * MB) / 2.8)
  const width = Math.round(Math.sqrt((pixels * 4) / 3))
  const height = Math.round((width * 3) / 4)
  const raw = crypto.randomBytes(width * height * 3)
  const jpeg = await sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 100, chromaSubsampling: '4:4:4' })
    .toBuffer()
  return Array.from({ length: count }, (_, index) => {
    const text = Buffer.from(`copydesk bench upload ${index} ${crypto.randomUUID()}`)
    const comment = Buffer.alloc(4)
    comment.writeUInt16BE(0xfffe, 0)
    comment.writeUInt16BE(text.length + 2, 2)
    // A COM segment right after the start-of-image marker: a valid JPEG with a different hash.
    return Buffer.concat([jpeg.subarray(0, 2), comment, text, jpeg.subarray(2)])
  })
}

/** One upload through the desk's route, on its own connection; resolves with its status and time. */
function upload(base, jar, photo) {
  const boundary = `copydesk-bench-${crypto.randomUUID()}`
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="alt"\r\n\r\nBench noise\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="noise.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
  return new Promise((resolve) => {
    const started = performance.now()
    const request = http.request(
      `${base}/desk/media/upload`,
      {
        method: 'POST',
        agent: false,
        timeout: 300_000,
        headers: {
          cookie,
          origin: base,
          accept: 'application/json',
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': head.length + photo.length + tail.length,
        },
      },
      (response) => {
        response.resume()
        response.on('end', () => resolve({ status: response.statusCode, ms: performance.now() - started }))
      },
    )
    request.on('timeout', () => request.destroy(new Error('timed out')))
    request.on('error', () => resolve({ status: 'error', ms: performance.now() - started }))
    request.write(head)
    request.write(photo)
    request.end(tail)
  })
}

/** Readers on `url` until `until` settles: every response's latency, summarized. */
async function readers(url, connections, until) {
  const latencies = []
  let errors = 0
  const instance = autocannon({ url, connections, duration: 600, timeout: 10 })
  instance.on('response', (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms)
    else errors++
  })
  instance.on('reqError', () => errors++)
  const done = new Promise((resolve) => instance.on('done', resolve))
  await until.catch(() => undefined)
  instance.stop()
  await done
  return { ...summary(latencies), errors }
}

/** Nearest-rank percentiles of many samples (stats.mjs's summarize spreads them into Math.max, too many here). */
function summary(samples) {
  const sorted = Float64Array.from(samples).sort()
  const at = (q) => (sorted.length ? Math.round(sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1] * 10) / 10 : null)
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) }
}
