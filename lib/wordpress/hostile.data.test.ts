import fs from 'node:fs/promises'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { revisions, users } from '@/db/schema'
import { openImportTest, wordpressFixtures } from '@/test/wordpress-import'
import { importWordPress } from './run'

const { db, root, storage, run, tableCounts, storyOf } = await openImportTest()
const now = new Date('2026-12-01T12:00:00Z')
const fixtures = wordpressFixtures

describe('a hostile export', () => {
  it('with a DOCTYPE is refused whole, its entities never expanded, and nothing is written', async () => {
    const before = await tableCounts()
    const result = await importWordPress(db, { file: path.join(fixtures, 'hostile.xml'), storage, now })

    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^The file declares a DOCTYPE: refused/) })
    expect(await tableCounts()).toEqual(before)
  })

  it('has its scripts, event handlers, script links and foreign frames removed, each reported, and long headlines cut', async () => {
    const report = await run({ file: path.join(fixtures, 'hostile-content.xml') })
    const lines = report.problems.join('\n')

    for (const expected of [
      'onclick attribute',
      'onerror attribute',
      'onmouseover attribute',
      '<script>',
      '<style>',
      'javascript:',
      'data:text/html',
      'frame from “https://evil.example/frame”',
      'headline was longer than 300 characters',
    ])
      expect(lines).toContain(expected)
    const story = await storyOf('1')
    const json = JSON.stringify(story.revision.body)
    expect(json).not.toMatch(/javascript:|data:|script|onclick|onerror|evil\.example/)
    expect(json).toContain('https://safe.example.net/page')
    const [mallory] = await db.select({ name: users.name }).from(users).where(eq(users.email, 'mallory@hostile.example.org'))
    expect(mallory?.name).toBe('Mallory')
    const [long] = await db.select({ headline: revisions.headline }).from(revisions).where(eq(revisions.slug, 'long'))
    expect(long?.headline.length).toBeLessThanOrEqual(300)
  })

  it('a file that is not a WordPress export, or not XML, is refused with one line', async () => {
    const other = path.join(root, 'feed.xml')
    await fs.writeFile(other, '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>')
    const broken = path.join(root, 'broken.xml')
    await fs.writeFile(broken, '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>x</channel>')

    expect(await importWordPress(db, { file: other, storage })).toEqual({
      ok: false,
      message: expect.stringMatching(/^This is not a WordPress export \(WXR\)/),
    })
    expect(await importWordPress(db, { file: broken, storage })).toEqual({
      ok: false,
      message: expect.stringMatching(/^The file is not well-formed XML/),
    })
  })

  it('a file nesting elements far deeper than an export does is refused, and so is a post nesting its HTML so', async () => {
    const deepXml = path.join(root, 'deep.xml')
    await fs.writeFile(
      deepXml,
      `<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item>${'<x>'.repeat(10_000)}${'</x>'.repeat(10_000)}</item></channel></rss>`,
    )
    const deepHtml = path.join(root, 'deep-html.xml')
    const text = await fs.readFile(path.join(fixtures, 'hostile-content.xml'), 'utf8')
    await fs.writeFile(deepHtml, text.replace('<p>Short body.</p>', `${'<div>'.repeat(50_000)}Deep${'</div>'.repeat(50_000)}`))

    expect(await importWordPress(db, { file: deepXml, storage })).toEqual({
      ok: false,
      message: 'The file nests elements more than 32 deep: this is not a WordPress export.',
    })
    const report = await run({ file: deepHtml })
    expect(report.problems).toContainEqual(expect.stringMatching(/^post 2 .*not imported: its content is nested more than 40 levels deep$/))
  })

  it('images that cannot be found are left out, each named with the post that wanted it', async () => {
    const report = await run({ mediaFolder: null, dryRun: true })

    expect(report.total('images', 'skipped')).toBe(4)
    expect(report.problems).toEqual(
      expect.arrayContaining([
        'attachment 101: the image 2024/05/harbour.jpg was not found in the media folder: left out',
        expect.stringMatching(/^post 201 .*: its featured image \(attachment 101\) could not be had: the story has no lead image$/),
        expect.stringMatching(
          /^post 201 .*: a figure was left out: its image https:\/\/gazette\.example\.org\/wp-content\/uploads\/2024\/06\/chart\.png could not be had$/,
        ),
      ]),
    )
  })
})
