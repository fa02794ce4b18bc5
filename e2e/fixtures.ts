import fs from 'node:fs'
import path from 'node:path'
import { toFieldValue } from '../lib/clock'
import { demoTimeZone } from '../seed/newsroom'
import { type APIRequestContext, type Browser, type BrowserContext, type Page, expect, request } from '@playwright/test'

export const demoPassword = 'copydesk-demo'

/**
 * The demo newsroom's clock (seed/newsroom.ts). The tests' browsers run in another zone
 * (playwright.config.ts `timezoneId`) and the server in UTC, so a time shown or read in the
 * wrong zone shows.
 */
export const newsroomZone = demoTimeZone

/** A moment as the desk's time fields show it, on the newsroom's clock. */
export function deskFieldTime(at: Date): string {
  return toFieldValue(at, newsroomZone)
}

/** The demo accounts whose sign-in e2e/auth.setup.ts saves once per run. */
export const demoAccounts = [
  'admin@copydesk.test',
  'editor@copydesk.test',
  'editor2@copydesk.test',
  'writer@copydesk.test',
  'writer2@copydesk.test',
] as const

/** Where the signed-in browser state of a demo account is kept (git-ignored). */
export function authFile(email: string): string {
  return path.join('e2e', '.auth', `${email.replace(/[^a-z0-9]+/gi, '-')}.json`)
}

/** Signs in through the form, as a person would, and waits for the desk. */
export async function signInThroughForm(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.goto('/login')
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Desk' })).toBeVisible()
}

/**
 * Opens the desk signed in as `email`. A demo account takes the session e2e/auth.setup.ts saved
 * (no form, no password check per test); anyone else signs in through the form.
 */
export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  const saved = authFile(email)
  if (password !== demoPassword || !fs.existsSync(saved)) return signInThroughForm(page, email, password)
  const { cookies } = JSON.parse(fs.readFileSync(saved, 'utf8')) as { cookies: Parameters<BrowserContext['addCookies']>[0] }
  await page.context().addCookies(cookies)
  await page.goto('/desk')
  await expect(page.getByRole('heading', { level: 1, name: 'Desk' })).toBeVisible()
}

/**
 * The header a script acting for a signed-in person sends, as a browser does: the desk refuses a
 * request that carries a session cookie without saying it came from the site (lib/same-origin.ts).
 */
export function fromSite(site: Page | string | undefined): { origin: string } {
  return { origin: new URL(typeof site === 'object' ? site.url() : (site ?? '')).origin }
}

/** An API client signed in as `email` through the Auth.js routes, as a script would; its requests say they come from the site. */
export async function signedInClient(baseURL: string, email: string): Promise<APIRequestContext> {
  const client = await request.newContext({ baseURL, extraHTTPHeaders: fromSite(baseURL) })
  const { csrfToken } = (await (await client.get('/api/auth/csrf')).json()) as { csrfToken: string }
  const signIn = await client.post('/api/auth/callback/credentials', { form: { csrfToken, email, password: demoPassword } })
  expect(signIn.ok()).toBe(true)
  return client
}

/** The signed-in person's own id, as the session tells it. */
export async function ownId(client: APIRequestContext): Promise<number> {
  const session = (await (await client.get('/api/auth/session')).json()) as { user?: { id?: string } }
  return Number(session.user?.id)
}

/** Takes a workflow action on a story at `version`, as the desk's buttons do, and answers the story's next version. */
export async function act(client: APIRequestContext, articleId: number, action: string, version: number): Promise<number> {
  // Unpublishing needs a reason.
  const note = action === 'unpublish' ? 'Taken down in a test.' : undefined
  const answer = await client.post(`/desk/articles/${articleId}/workflow`, { data: { action, baseVersion: version, note } })
  expect(answer.status(), action).toBe(200)
  return ((await answer.json()) as { version: number }).version
}

/** A page in a browser context of its own, signed in as `email`: a second person at another desk. */
export async function signedInPage(browser: Browser, email: string, password = demoPassword): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await signIn(page, email, password)
  return page
}

/** The admin adds a writer on the People page (and stays there). */
export async function addWriter(admin: Page, person: { name: string; email: string; password: string }): Promise<void> {
  await addPerson(admin, { ...person, role: 'writer' })
}

/** The admin adds a person with a role on the People page (and stays there). */
export async function addPerson(
  admin: Page,
  person: { name: string; email: string; password: string; role: 'writer' | 'editor' | 'admin' },
): Promise<void> {
  await admin.goto('/desk/admin/users')
  await admin.getByLabel('Name').fill(person.name)
  await admin.getByLabel('E-mail').fill(person.email)
  await admin.getByRole('combobox', { name: 'Role' }).selectOption(person.role)
  await admin.getByLabel(/Password/).fill(person.password)
  await admin.getByRole('button', { name: 'Add person' }).click()
  await expect(admin.getByText(`Account created for ${person.email}.`)).toBeVisible()
}

/**
 * A writer of the test's own, added by the admin on the People page and signed in: news, badges,
 * queues and a remembered desk list that tests running at the same time with the demo writer
 * cannot touch.
 */
export async function ownWriterPage(browser: Browser, name: string): Promise<Page> {
  const email = uniqueEmail('writer')
  const admin = await signedInPage(browser, 'admin@copydesk.test')
  await addWriter(admin, { name, email, password: ownWriterPassword })
  await admin.context().close()
  const page = await (await browser.newContext()).newPage()
  await signIn(page, email, ownWriterPassword)
  return page
}
const ownWriterPassword = 'a-good-long-password'

/** A unique e-mail address, so each test makes its own people. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`
}

/** Files as a DataTransfer inside the page, for drop and paste events. */
export function filesInPage(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  return page.evaluateHandle(
    (items) => {
      const transfer = new DataTransfer()
      for (const item of items) {
        const bytes = Uint8Array.from(atob(item.base64), (char) => char.charCodeAt(0))
        transfer.items.add(new File([bytes], item.name, { type: item.mimeType }))
      }
      return transfer
    },
    files.map((file) => ({ name: file.name, mimeType: file.mimeType, base64: file.buffer.toString('base64') })),
  )
}
