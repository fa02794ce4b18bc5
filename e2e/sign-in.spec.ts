import { expect, test } from './test'
import { demoPassword, signInThroughForm } from './fixtures'

for (const email of ['admin@copydesk.test', 'editor@copydesk.test', 'writer@copydesk.test']) {
  test(`${email} signs in with the demo password and lands on the desk`, async ({ page }) => {
    await signInThroughForm(page, email)
    await expect(page).toHaveURL(/\/desk$/)
    await expect(page.getByText(`Signed in as ${email}.`)).toBeVisible()
  })
}

test('a wrong password shows one generic error and starts no session', async ({ page }) => {
  await page.goto('/login')
  await page.getByLabel('E-mail').fill('editor@copydesk.test')
  await page.getByLabel('Password').fill('not-the-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByText('That e-mail and password do not match an active account.')).toBeVisible()
  await expect(page.getByLabel('E-mail')).toHaveValue('editor@copydesk.test')

  await page.goto('/desk')
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdesk/)
})

test('an unknown e-mail gets exactly the same error as a wrong password', async ({ page }) => {
  await page.goto('/login')
  await page.getByLabel('E-mail').fill('nobody@copydesk.test')
  await page.getByLabel('Password').fill(demoPassword)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByText('That e-mail and password do not match an active account.')).toBeVisible()
})

test('the desk sends an anonymous visitor to sign in, and back to the page asked for', async ({ page }) => {
  await page.goto('/desk/admin/users')
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdesk%2Fadmin%2Fusers/)
  await page.getByLabel('E-mail').fill('admin@copydesk.test')
  await page.getByLabel('Password').fill(demoPassword)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible()
  await expect(page).toHaveURL(/\/desk\/admin\/users$/)
})

test('sign-in never sends people to another site', async ({ page }) => {
  await page.goto('/login?callbackUrl=https%3A%2F%2Fevil.example%2F')
  await page.getByLabel('E-mail').fill('writer@copydesk.test')
  await page.getByLabel('Password').fill(demoPassword)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Desk' })).toBeVisible()
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/desk$/)
})

test('signing out ends the session', async ({ page }) => {
  await signInThroughForm(page, 'editor2@copydesk.test')
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await expect(page).toHaveURL(/\/login/)
  await page.goto('/desk')
  await expect(page).toHaveURL(/\/login\?callbackUrl=/)
})

test('a script signs in through the Auth.js routes with a CSRF token', async ({ request }) => {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string }
  const response = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: 'writer2@copydesk.test', password: demoPassword },
  })
  expect(response.ok()).toBe(true)
  const desk = await request.get('/desk')
  expect(desk.status()).toBe(200)
  expect(await desk.text()).toContain('writer2@copydesk.test')
})

test('a 10 MB password gets the generic error and the server carries on', async ({ page, request }) => {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string }
  const response = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: 'editor@copydesk.test', password: 'x'.repeat(10 * 1024 * 1024) },
    maxRedirects: 0,
  })
  expect(response.headers().location ?? '').toContain('error=CredentialsSignin')
  await page.goto('/login')
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
})
