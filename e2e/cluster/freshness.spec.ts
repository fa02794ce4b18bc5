// Two instances on one PostgreSQL database behind the nginx edge: every change reaches every page
// showing it, through the edge and on each instance directly, and a takedown holds everywhere.
import { type APIRequestContext, expect, request as playwrightRequest, test } from '@playwright/test'
import pg from 'pg'
import { demoPassword, fromSite } from '../fixtures'
import { pressAndWait, saveAndWait } from '../pages/story-form'
import { EDGE_PORT, clusterForTheseTests } from './cluster'

test.describe.configure({ mode: 'serial' })

// Ports of its own: the edge-config spec runs its cluster at the same time.
const cluster = clusterForTheseTests(EDGE_PORT + 10)
const bases = () => [cluster().edgeUrl, ...cluster().instanceUrls]

async function sql<T>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: cluster().databaseUrl })
  await client.connect()
  try {
    return (await client.query(text, values)).rows as T[]
  } finally {
    await client.end()
  }
}

type Story = { id: number; version: number; path: string }

/** A demo story by a headline of any of its revisions, with the address it has (or will have) on the site. */
async function story(headline: string): Promise<Story> {
  const [row] = await sql<Story>(
    `with recursive found as (select article_id as id from revisions where headline = $1 order by id desc limit 1),
     trail(id, parent_id, path) as (
       select s.id, s.parent_id, s.slug::text from sections s join articles a on a.section_id = s.id where a.id = (select id from found)
       union all select s.id, s.parent_id, s.slug || '/' || t.path from sections s join trail t on s.id = t.parent_id)
     select a.id, a.version, '/' || (select path from trail where parent_id is null) || '/' || a.slug as path
       from articles a where a.id = (select id from found)`,
    [headline],
  )
  if (!row) throw new Error(`No demo story "${headline}"`)
  return row
}

/** A staff member's page on the site. */
async function authorPage(email: string): Promise<string> {
  const [person] = await sql<{ slug: string }>('select slug from users where email = $1', [email])
  return `/authors/${person?.slug}`
}

/** An editor signed in on one instance, through Auth.js's own CSRF flow. */
async function editorOn(baseURL: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: fromSite(baseURL) })
  const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string }
  const signedIn = await context.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: 'editor@copydesk.test', password: demoPassword },
  })
  expect(signedIn.ok()).toBe(true)
  return context
}

async function act(on: APIRequestContext, target: Story, action: string): Promise<{ message: string; warning?: string }> {
  const [row] = await sql<{ version: number }>('select version from articles where id = $1', [target.id])
  // Unpublishing needs a reason.
  const note = action === 'unpublish' ? 'Taken down in a test.' : undefined
  const response = await on.post(`/desk/articles/${target.id}/workflow`, { data: { action, baseVersion: row?.version, note } })
  expect(response.status(), await response.text()).toBe(200)
  return (await response.json()) as { message: string; warning?: string }
}

async function page(base: string, path: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${base}${path}`, { redirect: 'manual' })
  return { status: response.status, body: await response.text() }
}

/**
 * Every base (the edge, then each instance) shows `expected` at `path`. The edge and the instance
 * that made the change refresh before the change answers; another instance hears of it through
 * the database a moment later, so each is asked until it agrees (the time is the benchmark's).
 */
async function everywhere(path: string, expected: (answer: { status: number; body: string }) => boolean): Promise<void> {
  for (const base of bases()) {
    await expect.poll(async () => expected(await page(base, path)), { message: `${base}${path}`, timeout: 5_000 }).toBe(true)
  }
}

/** Asks every base for each page, so that all of them hold a copy before the change. */
async function warm(paths: readonly string[]): Promise<void> {
  for (const base of bases()) for (const path of paths) await page(base, path)
}

const rice = 'Rice farmers in the Tanu delta trial salt-tolerant seed'
const harbour = 'Marsa Halim’s harbour reopens, but fishermen count the cost'
const train = 'Sleeper trains return to the northern line after twelve years'
const bakery = 'Bakery chain Crumb & Co to be sold to its 380 staff'

test('a publish on one instance shows on every page concerned, through the edge and on each instance', async () => {
  const target = await story(rice)
  const related = await story(train)
  const author = await authorPage('writer@copydesk.test')
  const lists = ['/', '/regions', '/regions/asia', author, '/tags/agriculture', '/feed.xml', '/sitemap.xml']
  await warm([...lists, related.path, target.path, '/search?q=Tanu'])

  const editor = await editorOn(cluster().instanceUrls[0] ?? '')
  expect((await act(editor, target, 'publish')).message).toContain('published')
  // The edge was refreshed before the publish answered: no waiting there.
  expect((await page(cluster().edgeUrl, target.path)).body).toContain(rice)
  await everywhere(target.path, (answer) => answer.status === 200 && answer.body.includes(rice))
  for (const path of lists) await everywhere(path, (answer) => answer.body.includes(target.path))
  await everywhere(related.path, (answer) => answer.body.includes(`href="${target.path}"`))
  await everywhere('/search?q=Tanu', (answer) => answer.body.includes(target.path))
})

test('an unpublish on the other instance is a 410 everywhere and leaves every list', async () => {
  const target = await story(harbour)
  const lists = ['/', '/regions', '/regions/middle-east', '/tags/ports', '/feed.xml', '/sitemap.xml']
  await warm([...lists, target.path, '/search?q=Marsa'])
  for (const path of lists) await everywhere(path, (answer) => answer.body.includes(target.path))

  const editor = await editorOn(cluster().instanceUrls[1] ?? '')
  const answer = await act(editor, target, 'unpublish')
  expect(answer.warning).toBeUndefined()
  expect((await page(cluster().edgeUrl, target.path)).status).toBe(410)
  await everywhere(target.path, (page) => page.status === 410)
  for (const path of [...lists, '/search?q=Marsa']) await everywhere(path, (page) => !page.body.includes(target.path))
})

test('a scheduled publication reaches every page, with nobody asking', async () => {
  const target = await story(bakery)
  await warm(['/', '/business', target.path])
  // The demo schedules it for tomorrow under an embargo until then: both times come now, and the
  // next scheduler run publishes it.
  await sql(`update articles set scheduled_at = now(), embargo_until = now() where id = $1`, [target.id])
  for (const base of bases()) {
    await expect.poll(async () => (await page(base, target.path)).status, { timeout: 15_000 }).toBe(200)
  }
  await everywhere('/', (answer) => answer.body.includes(target.path))
  await everywhere('/business', (answer) => answer.body.includes(target.path))
})

test('a correction and a new photo credit reach every page showing them', async ({ page: desk }) => {
  const target = await story(train)
  const [withPhoto] = await sql<{ headline: string }>(
    `select r.headline from articles a join revisions r on r.id = a.published_revision_id
      where a.status = 'published' and r.lead_media_id is not null and a.current_revision_id = a.published_revision_id order by a.id limit 1`,
  )
  const photographed = await story(withPhoto?.headline ?? '')
  await warm([target.path, '/corrections', photographed.path])

  // Through the form on the cluster's own instance (the configured baseURL is the other e2e server).
  await desk.goto(`${cluster().instanceUrls[0]}/login`)
  await desk.getByLabel('E-mail').fill('editor@copydesk.test')
  await desk.getByLabel('Password').fill(demoPassword)
  await desk.getByRole('button', { name: 'Sign in' }).click()
  await expect(desk.getByRole('heading', { level: 1, name: 'Desk' })).toBeVisible()
  await desk.goto(`${cluster().instanceUrls[0]}/desk/articles/${target.id}`)
  const correction = 'An earlier version gave the wrong year for the last sleeper service.'
  await desk.getByLabel('Text readers will see').fill(correction)
  await desk.getByRole('button', { name: 'Add correction' }).click()
  await expect(desk.getByText('The correction is on the story and the corrections page.')).toBeVisible()
  await everywhere(target.path, (answer) => answer.body.includes(correction))
  await everywhere('/corrections', (answer) => answer.body.includes(correction))

  const credit = 'ANA REYES/TESSERA'
  await desk.goto(`${cluster().instanceUrls[1]}/desk/articles/${photographed.id}`)
  await desk.getByLabel('Credit').fill(credit)
  await saveAndWait(desk)
  await pressAndWait(desk, 'Publish update')
  await everywhere(photographed.path, (answer) => answer.body.includes(credit))
})

test('a story unpublished while an edge node is down is never served by it once it is back', async () => {
  const target = await story(train)
  await warm([target.path, '/'])
  expect((await page(cluster().edgeUrl, target.path)).status).toBe(200)

  await cluster().edge.stop()
  const editor = await editorOn(cluster().instanceUrls[0] ?? '')
  const answer = await act(editor, target, 'unpublish')
  expect(answer.warning).toContain(`Not yet removed from the cache on ${cluster().edgeUrl}`)
  const desk = await editor.get('/desk')
  expect(await desk.text()).toContain('Old pages are not yet removed from the cache on')

  await cluster().edge.start()
  expect((await page(cluster().edgeUrl, target.path)).status).toBe(410)
  expect((await page(cluster().edgeUrl, '/')).body).not.toContain(target.path)
  // The queued refreshes go through once the node answers, and the desk's notice with them.
  await expect.poll(async () => (await sql<{ n: string }>('select count(*) as n from edge_purges'))[0]?.n, { timeout: 15_000 }).toBe('0')
  expect(await (await editor.get('/desk')).text()).not.toContain('Old pages are not yet removed')
})

test('with one instance killed, the other and the edge keep serving', async () => {
  const home = await page(cluster().edgeUrl, '/')
  await cluster().instances[0]?.stop()
  expect((await page(cluster().edgeUrl, '/')).body).toBe(home.body)
  const target = await story(rice)
  for (const base of [cluster().edgeUrl, cluster().instanceUrls[1] ?? '']) {
    expect((await page(base, target.path)).status, base).toBe(200)
    expect((await page(base, await authorPage('writer@copydesk.test'))).status, base).toBe(200)
  }
})
