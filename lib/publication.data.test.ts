import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvents, media } from '@/db/schema'
import { openReaderSite, site } from '@/test/reader-site'
import { isPublicMedia } from './media/access'
import { deleteMedia } from './media/library'
import { LocalMediaStorage } from './media/storage'
import { savePublication } from './publication'
import { maxLogoBytes } from './publication-schema'
import { readPublication } from './settings'

const { db, newsroom, page, get } = await openReaderSite()

/** The form as an admin fills it in: The Ledger's, with `changes`. */
const form = (changes: Record<string, string> = {}) => ({
  name: 'The Ledger',
  url: site,
  publisher: 'Ledger Media',
  description: 'News from the Ledger.',
  language: 'en',
  logoMediaId: '',
  correctionsPolicy: '',
  ethicsPolicy: '',
  masthead: '',
  ...changes,
})

async function libraryImage(byteSize: number) {
  const [row] = await db
    .insert(media)
    .values({
      storageKey: `ab/logo-${byteSize}.png`,
      contentHash: `logo-${byteSize}`,
      mimeType: 'image/png',
      byteSize,
      width: 600,
      height: 60,
    })
    .returning()
  if (!row) throw new Error('no image')
  return row
}

describe('the publication’s settings', () => {
  it('are the environment’s until an admin saves them', async () => {
    expect(await readPublication(db)).toMatchObject({
      name: 'The Ledger',
      url: site,
      publisher: 'Ledger Media',
      language: 'en',
      logo: null,
    })
    expect(await page('/')).toContain('<html lang="en">')
  })

  it('is refused to editors and writers, changing nothing', async () => {
    for (const actor of [newsroom.editor, newsroom.writer]) {
      expect(await savePublication(db, actor, form({ name: 'Taken Over' }))).toMatchObject({ ok: false, reason: 'forbidden' })
    }
    expect((await readPublication(db)).name).toBe('The Ledger')
  })

  it('refuses bad input with a clear message, changing nothing', async () => {
    const tooLarge = await libraryImage(Math.round(maxLogoBytes * 1.5))
    const refused: [Record<string, string>, string][] = [
      [{ url: 'ftp://news.example.test' }, 'Give the public address as a full http:// or https:// address'],
      [{ url: 'javascript:alert(1)' }, 'Give the public address as a full http:// or https:// address'],
      [{ name: '  ' }, 'Give the publication a name.'],
      [{ language: 'english please' }, 'Give the language as a code such as en, fr or pt-BR.'],
      [{ ethicsPolicy: 'javascript:alert(1)' }, 'Give the ethics policy as a path on this site (such as /ethics) or an http(s) address.'],
      [{ masthead: '//elsewhere.example/about' }, 'Give the masthead as a path on this site'],
      [{ logoMediaId: 'the big one' }, 'Choose the logo from the media library, or no logo.'],
      [{ logoMediaId: '999999' }, 'That image is no longer in the media library; choose another logo.'],
      [{ logoMediaId: String(tooLarge.id) }, 'The logo must be 1 MB or smaller, and this image is 1.5 MB. Upload a smaller file.'],
    ]
    for (const [changes, message] of refused) {
      const result = await savePublication(db, newsroom.admin, form({ name: 'Changed', ...changes }))
      expect(result, JSON.stringify(changes)).toMatchObject({ ok: false, reason: 'invalid', message: expect.stringContaining(message) })
    }
    expect(await readPublication(db)).toMatchObject({ name: 'The Ledger', logo: null })
    const logged = await db.select().from(auditEvents).where(eq(auditEvents.action, 'settings.change'))
    expect(logged).toEqual([])
  })

  it('win once saved, and every reader’s page, feed and sitemap shows them at once', async () => {
    expect(await page('/')).toContain('The Ledger')
    const logo = await libraryImage(40_000)
    expect(await isPublicMedia(db, logo.id)).toBe(false)
    const saved = await savePublication(
      db,
      newsroom.admin,
      form({
        name: 'The Evening Ledger',
        url: 'https://evening.example.test/',
        language: 'fr',
        logoMediaId: String(logo.id),
        ethicsPolicy: '/ethics',
        correctionsPolicy: 'https://help.example.test/corrections',
      }),
    )
    expect(saved).toMatchObject({ ok: true, publication: { name: 'The Evening Ledger', url: 'https://evening.example.test' } })
    const home = await page('/')
    expect(home).toContain('<html lang="fr">')
    expect(home).toContain(`<img src="/media/${logo.storageKey}" alt="The Evening Ledger" width="600" height="60">`)
    expect(home).toContain('<link rel="canonical" href="https://evening.example.test/">')
    expect((await get('/feed.xml')).body).toContain('<title>The Evening Ledger</title>')
    expect((await get('/robots.txt')).body).toContain('Sitemap: https://evening.example.test/sitemap.xml')
    const logged = await db.select().from(auditEvents).where(eq(auditEvents.action, 'settings.change'))
    expect(logged.at(-1)?.detail).toMatchObject({ setting: 'publication', to: expect.stringContaining('The Evening Ledger') })
  })

  it('make the logo public while it is the logo, and keep it from being deleted', async () => {
    const { logo } = await readPublication(db)
    if (!logo) throw new Error('no logo saved')
    expect(await isPublicMedia(db, logo.mediaId)).toBe(true)
    const storage = new LocalMediaStorage('/nonexistent')
    expect(await deleteMedia(db, storage, newsroom.admin, logo.mediaId)).toMatchObject({
      ok: false,
      reason: 'conflict',
      message: expect.stringContaining('the publication’s logo'),
    })
    expect(await savePublication(db, newsroom.admin, form())).toMatchObject({ ok: true })
    expect(await isPublicMedia(db, logo.mediaId)).toBe(false)
  })
})
