import { type Page } from '@playwright/test'
import { expect, test } from './test'
import { accessibilityProblems, colorSchemes } from './axe'
import { deskPages } from './desk-pages'
import { openDesk, visit } from './desk-setup'
import { signedInPage } from './fixtures'

// Every desk page (e2e/desk-pages.ts), as someone who may see it, in the system's light and dark
// colour schemes: axe finds nothing of any impact, and the page has its own <title>. Each page is
// checked in the light scheme, then switched to the dark one where it stands (the page is the same;
// only its colours change). The walk is the suite's longest: it is cut in three parts, each opening
// its own desk, run side by side.
test.describe.configure({ mode: 'parallel' })

const parts = 3
const partSize = Math.ceil(deskPages.length / parts)

for (let part = 0; part < parts; part++) {
  const first = part * partSize
  const walked = deskPages.slice(first, first + partSize)
  const title = `desk pages ${first + 1}–${first + walked.length} of ${deskPages.length} pass axe in the light and dark schemes and have their own titles`
  test(title, async ({ browser, baseURL }) => {
    test.setTimeout(240_000)
    const { made, pages, close } = await openDesk(browser, baseURL ?? '', { colorScheme: 'light' })
    for (const deskPage of walked) {
      const page = pages.get(deskPage.as) as Page
      await visit(page, deskPage, made)
      const where = `${deskPage.name} (${deskPage.path(made)})`
      expect.soft(await page.title(), where).toBe(deskPage.title(made))
      for (const colorScheme of colorSchemes) {
        await page.emulateMedia({ colorScheme })
        expect.soft(await accessibilityProblems(page, colorScheme), `${where} in the ${colorScheme} scheme`).toEqual([])
      }
      await page.emulateMedia({ colorScheme: 'light' })
    }
    await close()
  })
}

for (const colorScheme of colorSchemes) {
  test(`the sign-in page passes axe in the ${colorScheme} scheme`, async ({ browser }) => {
    const page = await (await browser.newContext({ colorScheme })).newPage()
    await page.goto('/login')
    await expect(page).toHaveTitle('Sign in · Copydesk')
    expect(await accessibilityProblems(page, colorScheme)).toEqual([])
    await page.context().close()
  })
}

test('the desk’s first Tab stop is a skip link that takes the keyboard to the page’s main content', async ({ browser }) => {
  const page = await signedInPage(browser, 'writer@copydesk.test')
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to content' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('main')).toBeFocused()
  await page.keyboard.press('Tab')
  // The next stop is inside the page, past the desk's navigation.
  expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true)
  await page.context().close()
})
