import http from 'node:http'
import { type Page } from '@playwright/test'
import { expect, test } from './test'
import { addWriter, signIn, signInThroughForm, signedInPage, uniqueEmail } from './fixtures'

// Every test here ends sessions, so each signs its people in afresh through the form: the saved
// sessions of e2e/.auth, which other tests share, are never signed out.

const personPassword = 'a-good-long-password'

/** A new writer, added by the admin; leaves the admin on that person's page. */
async function addPerson(admin: Page, name: string, email: string): Promise<void> {
  await addWriter(admin, { name, email, password: personPassword })
  await admin.getByRole('link', { name }).click()
  await expect(admin.getByRole('heading', { level: 1, name })).toBeVisible()
}

test('a signed-out cookie opens nothing: the desk sends it to sign in, a desk endpoint answers 401', async ({ page, baseURL }) => {
  await signInThroughForm(page, 'writer2@copydesk.test')
  const copied = await page.context().cookies()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByText('You signed out.')).toBeVisible()

  // Someone kept a copy of the cookie from before the sign-out.
  await page.context().addCookies(copied)
  await page.goto('/desk')
  await expect(page).toHaveURL(/\/login\?reason=signed-out$/)
  await expect(page.getByText('You signed out.')).toBeVisible()

  const response = await page.request.post('/desk/articles/new/from-draft', {
    headers: { origin: baseURL ?? '', 'content-type': 'application/json' },
    data: { draft: { headline: 'Written with a dead session' } },
  })
  expect(response.status()).toBe(401)
})

test('an admin signs a person out everywhere, and the audit log shows it, filtered by action and person', async ({ page, browser }) => {
  const email = uniqueEmail('everywhere')
  const name = `Roving Reporter ${Date.now()}`
  await signInThroughForm(page, 'admin@copydesk.test')
  await addPerson(page, name, email)

  const laptop = await signedInPage(browser, email, personPassword)
  const phone = await signedInPage(browser, email, personPassword)
  await page.reload()
  await expect(page.getByText('2 sessions are open.')).toBeVisible()
  await page.getByRole('button', { name: 'Sign out everywhere' }).click()
  await expect(page.getByText('2 sessions ended.')).toBeVisible()

  for (const device of [laptop, phone]) {
    await device.reload()
    await expect(device).toHaveURL(/\/login\?reason=ended-by-admin$/)
    await expect(device.getByText('An administrator signed you out on every device. Please sign in again.')).toBeVisible()
    await device.context().close()
  }

  await page.getByRole('link', { name: 'Audit log' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible()
  await page.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Signed out everywhere' })
  await page.getByRole('combobox', { name: 'Person' }).selectOption({ label: `${name} (${email})` })
  await page.getByRole('button', { name: 'Filter' }).click()
  await expect(page).toHaveURL(/action=sessions\.ended-all/)
  const rows = page.getByRole('row').filter({ hasText: name })
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Signed out everywhere')
  await expect(rows.first()).toContainText('reason: ended-by-admin, sessions: 2')

  await page.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Signed in' })
  await page.getByRole('button', { name: 'Filter' }).click()
  await expect(page.getByRole('row').filter({ hasText: 'Signed in' })).toHaveCount(2)
})

test('changing one’s password ends the other sessions and keeps this one; "Sign out everywhere" ends all', async ({ page, browser }) => {
  const email = uniqueEmail('changer')
  const name = `Careful Writer ${Date.now()}`
  await signInThroughForm(page, 'admin@copydesk.test')
  await addPerson(page, name, email)

  const here = await signedInPage(browser, email, personPassword)
  const elsewhere = await signedInPage(browser, email, personPassword)
  await here.getByRole('link', { name: /Your account/ }).click()
  await here.getByLabel('Current password').fill(personPassword)
  await here.getByLabel('New password', { exact: true }).fill('another-long-password')
  await here.getByLabel('New password again').fill('another-long-password')
  await here.getByRole('button', { name: 'Change password' }).click()
  await expect(here.getByText('Your password is changed. 1 other session ended; you stay signed in here.')).toBeVisible()

  await elsewhere.reload()
  await expect(elsewhere).toHaveURL(/\/login\?reason=password-changed$/)
  await signIn(elsewhere, email, 'another-long-password')

  await here.getByRole('button', { name: 'Sign out everywhere' }).click()
  await expect(here).toHaveURL(/\/login\?reason=signed-out-everywhere$/)
  await expect(here.getByText('You signed out on every device.')).toBeVisible()
  await elsewhere.reload()
  await expect(elsewhere).toHaveURL(/\/login\?reason=signed-out-everywhere$/)
})

/** One sign-in attempt over plain HTTP from a chosen loopback address, with any X-Forwarded-For: answers where Auth.js sends it. */
async function signInFrom(baseURL: string, localAddress: string, forwardedFor: string, email: string): Promise<string> {
  const csrf = await rawRequest(baseURL, localAddress, 'GET', '/api/auth/csrf', { 'x-forwarded-for': forwardedFor })
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string }
  const cookie = csrf.setCookies.map((line) => line.split(';')[0]).join('; ')
  const body = new URLSearchParams({ csrfToken, email, password: 'not-the-password' }).toString()
  const answer = await rawRequest(baseURL, localAddress, 'POST', '/api/auth/callback/credentials', {
    'x-forwarded-for': forwardedFor,
    'x-copydesk-peer': forwardedFor,
    'content-type': 'application/x-www-form-urlencoded',
    cookie,
    body,
  })
  return answer.location
}

function rawRequest(
  baseURL: string,
  localAddress: string,
  method: string,
  path: string,
  { body, ...headers }: Record<string, string>,
): Promise<{ body: string; setCookies: string[]; location: string }> {
  const url = new URL(path, baseURL)
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, localAddress, headers }, (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (text += chunk))
      response.on('end', () =>
        resolve({ body: text, setCookies: response.headers['set-cookie'] ?? [], location: response.headers.location ?? '' }),
      )
    })
    request.on('error', reject)
    request.end(body)
  })
}

test('rotating X-Forwarded-For does not escape the per-client sign-in limit when no proxy is configured', async ({ baseURL }) => {
  // From a loopback address of its own, so the lock it earns does not reach the other tests' sign-ins.
  const guesser = '127.0.0.77'
  const origin = baseURL ?? ''
  let lastAnswer = ''
  for (let attempt = 0; attempt <= 30; attempt++) {
    lastAnswer = await signInFrom(origin, guesser, `203.0.113.${attempt + 1}`, uniqueEmail('guess'))
  }
  expect(lastAnswer).toContain('code=throttled')
  const elsewhere = await signInFrom(origin, '127.0.0.78', '203.0.113.200', uniqueEmail('guess'))
  expect(elsewhere).toContain('error=CredentialsSignin')
  expect(elsewhere).not.toContain('code=throttled')
})
