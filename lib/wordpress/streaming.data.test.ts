import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { once } from 'node:events'
import v8 from 'node:v8'
import vm from 'node:vm'
import { count } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { articles } from '@/db/schema'
import { LocalMediaStorage } from '@/lib/media/storage'
import { openTestNewsroom } from '@/test/newsroom'
import { importWordPress } from './run'

const { db } = await openTestNewsroom()
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-wordpress-large-'))
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

// A full collection before each measurement, so that only what is still held counts.
v8.setFlagsFromString('--expose-gc')
const collectGarbage = vm.runInNewContext('gc') as () => void

const posts = 200
const paragraphsPerPost = 600

/** Writes an export of `posts` long posts, piece by piece; returns its size in bytes. */
async function writeLargeExport(file: string): Promise<number> {
  const out = fs.createWriteStream(file)
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain')
  }
  await write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" ' +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n<title>Large Gazette</title>\n' +
      '<wp:base_site_url>https://large.example.org</wp:base_site_url>\n',
  )
  for (let post = 1; post <= posts; post++) {
    const paragraphs = Array.from(
      { length: paragraphsPerPost },
      (_, index) =>
        `<!-- wp:paragraph -->\n<p>Post ${post}, paragraph ${index}: the tide came in over the quay wall and the ferry waited, as ferries do, for the water to settle before the crossing.</p>\n<!-- /wp:paragraph -->\n`,
    ).join('\n')
    await write(
      `<item><title>Long story ${post}</title><link>https://large.example.org/2024/01/01/long-${post}/</link><dc:creator>nobody</dc:creator>` +
        `<content:encoded><![CDATA[${paragraphs}]]></content:encoded><wp:post_id>${post}</wp:post_id>` +
        `<wp:post_date_gmt>2024-01-01 00:00:00</wp:post_date_gmt><wp:post_name>long-${post}</wp:post_name>` +
        '<wp:status>draft</wp:status><wp:post_type>post</wp:post_type></item>\n',
    )
  }
  await write('</channel>\n</rss>\n')
  out.end()
  await once(out, 'finish')
  return fs.statSync(file).size
}

describe('a large export', () => {
  it('is read as a stream: the heap grows by far less than the file', async () => {
    const file = path.join(root, 'large.xml')
    const size = await writeLargeExport(file)
    expect(size).toBeGreaterThan(20 * 1024 * 1024)

    collectGarbage()
    const before = process.memoryUsage().heapUsed
    const result = await importWordPress(db, { file, storage: new LocalMediaStorage(root) })
    collectGarbage()
    const growth = process.memoryUsage().heapUsed - before

    expect(result.ok && result.report.total('stories', 'created')).toBe(posts)
    const [stories] = await db.select({ total: count() }).from(articles)
    expect(stories?.total).toBe(posts)
    expect(growth).toBeLessThan(size / 2)
  }, 300_000)
})
