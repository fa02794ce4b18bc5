import { expect, test } from './test'
import { addPerson, signIn, signedInPage, uniqueEmail } from './fixtures'
import { press, saveAndWait, startStory, stateLine, storyBody, submitForReview, workflow } from './pages/story-form'

test('a writer who opens an admin address gets a 404 from the server', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  await expect(page.getByRole('link', { name: 'People' })).toHaveCount(0)
  const response = await page.goto('/desk/admin/users')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
})

test('an editor cannot reach the admin area either', async ({ page }) => {
  await signIn(page, 'editor@copydesk.test')
  const response = await page.goto('/desk/admin/users/1')
  expect(response?.status()).toBe(404)
})

test('an admin adds a person who can then sign in', async ({ page, browser }) => {
  const email = uniqueEmail('new-writer')
  await signIn(page, 'admin@copydesk.test')
  await page.getByRole('link', { name: 'People' }).click()
  await page.getByLabel('Name').fill('Noor Haddad')
  await page.getByLabel('E-mail').fill(email)
  await page.getByRole('combobox', { name: 'Role' }).selectOption('writer')
  await page.getByLabel(/Password/).fill('a-good-long-password')
  await page.getByRole('button', { name: 'Add person' }).click()
  await expect(page.getByText(`Account created for ${email}.`)).toBeVisible()
  await expect(page.getByRole('cell', { name: email })).toBeVisible()

  const context = await browser.newContext()
  const newcomer = await context.newPage()
  await signIn(newcomer, email, 'a-good-long-password')
  await context.close()
})

test('a bad e-mail when adding a person is refused and keeps what was typed', async ({ page }) => {
  await signIn(page, 'admin@copydesk.test')
  await page.goto('/desk/admin/users')
  await page.getByLabel('Name').fill('Sami Ortiz')
  await page.getByLabel('E-mail').fill('not-an-address')
  await page.getByRole('button', { name: 'Add person' }).click()
  await expect(page.getByText('Enter a valid e-mail address.')).toBeVisible()
  await expect(page.getByLabel('Name')).toHaveValue('Sami Ortiz')
})

test('disabling an account ends its session on the very next request', async ({ page, browser }) => {
  const email = uniqueEmail('leaving')
  await signIn(page, 'admin@copydesk.test')
  await page.goto('/desk/admin/users')
  await page.getByLabel('Name').fill('Leaving Soon')
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel(/Password/).fill('a-good-long-password')
  await page.getByRole('button', { name: 'Add person' }).click()
  await expect(page.getByText(`Account created for ${email}.`)).toBeVisible()

  const context = await browser.newContext()
  const leaver = await context.newPage()
  await signIn(leaver, email, 'a-good-long-password')

  await page.getByRole('link', { name: 'Leaving Soon' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Leaving Soon' })).toBeVisible()
  await page.getByRole('button', { name: 'Disable account' }).click()
  await expect(page.getByText('Leaving Soon can no longer sign in.')).toBeVisible()

  await leaver.reload()
  await expect(leaver).toHaveURL(/\/login\?reason=disabled/)
  await expect(leaver.getByText('Your account has been disabled; ask an administrator.')).toBeVisible()
  await context.close()
})

test('a demotion takes effect at once, whatever the session says', async ({ page, browser }) => {
  const email = uniqueEmail('demoted')
  await signIn(page, 'admin@copydesk.test')
  await page.goto('/desk/admin/users')
  await page.getByLabel('Name').fill('Briefly Admin')
  await page.getByLabel('E-mail').fill(email)
  await page.getByRole('combobox', { name: 'Role' }).selectOption('admin')
  await page.getByLabel(/Password/).fill('a-good-long-password')
  await page.getByRole('button', { name: 'Add person' }).click()
  await expect(page.getByText(`Account created for ${email}.`)).toBeVisible()

  const context = await browser.newContext()
  const other = await context.newPage()
  await signIn(other, email, 'a-good-long-password')
  expect((await other.goto('/desk/admin/users'))?.status()).toBe(200)

  await page.getByRole('link', { name: 'Briefly Admin' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Briefly Admin' })).toBeVisible()
  await page.getByRole('combobox', { name: 'Role' }).selectOption('writer')
  await page.getByRole('button', { name: 'Save role' }).click()
  await expect(page.getByText('Briefly Admin is now a writer.')).toBeVisible()

  expect((await other.goto('/desk/admin/users'))?.status()).toBe(404)
  await context.close()
})

test('an admin gives an editor a section desk: they publish there, not elsewhere, and review what is filed there', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000)
  const email = uniqueEmail('desk-editor')
  const name = `Leila Desk ${Date.now()}`
  const admin = await signedInPage(browser, 'admin@copydesk.test')
  await addPerson(admin, { name, email, password: 'a-good-long-password', role: 'editor' })
  await admin.getByRole('link', { name }).click()
  await admin.getByRole('group', { name: 'Sections' }).getByLabel('Regions › Middle East').check()
  await admin.getByRole('button', { name: 'Save sections' }).click()
  await expect(
    admin.getByText(`${name} now approves and publishes only in Regions › Middle East (and the sections under them).`),
  ).toBeVisible()

  await signIn(page, email, 'a-good-long-password')
  const elsewhere = `Bank merger talks ${Date.now()}`
  await startStory(page, elsewhere, 'Business')
  await storyBody(page).click()
  await page.keyboard.type('Two lenders are in talks.')
  await saveAndWait(page)
  await submitForReview(page)
  await expect(stateLine(page)).toHaveText('In review')
  await expect(workflow(page).getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0)
  await expect(workflow(page).getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0)

  const mine = `Port reopens in Tyre ${Date.now()}`
  await startStory(page, mine)
  await storyBody(page).click()
  await page.keyboard.type('The port reopened at dawn.')
  await saveAndWait(page)
  await submitForReview(page)
  // The move has landed before the desk is opened: the confirmation returns as soon as it is sent.
  await expect(stateLine(page)).toHaveText('In review')
  await page.goto('/desk?queue=review')
  await expect(page.getByText(/^Stories filed in your sections: Regions › Middle East/)).toBeVisible()
  await expect(page.getByRole('link', { name: mine })).toBeVisible()
  await expect(page.getByRole('link', { name: elsewhere })).toHaveCount(0)
  await page.getByRole('link', { name: mine }).click()
  await press(page, 'Publish')
  await expect(stateLine(page)).toHaveText('Published')
})
