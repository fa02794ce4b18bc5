import path from 'node:path'
import { type Page } from '@playwright/test'
import { expect, test } from './test'
import { deskPages, deskRoutes, emails } from './desk-pages'
import { openDesk, visit } from './desk-setup'
import { signIn, signInThroughForm } from './fixtures'

// The desk on a phone: at 360 px wide no desk page scrolls sideways, and the desk's navigation
// folds into a "Menu" that keeps Sign out within reach. At a desk's width the links show as ever.

const phone = { width: 360, height: 740 }
const shots = path.join('test-results', 'desk-phone')

test('the list of phone checks covers every desk page', () => {
  expect([...new Set(deskPages.map((page) => page.route))].sort()).toEqual(deskRoutes().sort())
})

/** How wide the page is, and the widest elements that stick out past the screen's right edge. */
async function overflow(page: Page): Promise<{ html: number; body: number; culprits: string[] }> {
  return page.evaluate((width) => {
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .slice(-5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className} (${Math.round(element.getBoundingClientRect().right)} px)`)
    return { html: document.documentElement.scrollWidth, body: document.body.scrollWidth, culprits }
  }, phone.width)
}

test.describe('at 360 px', () => {
  test.use({ viewport: phone })

  test('no desk page scrolls sideways', async ({ browser, baseURL }) => {
    test.setTimeout(180_000)
    const { made, pages, close } = await openDesk(browser, baseURL ?? '', { viewport: phone })
    for (const deskPage of deskPages) {
      const page = pages.get(deskPage.as) as Page
      await visit(page, deskPage, made)
      const { html, body, culprits } = await overflow(page)
      // A picture of a page that scrolls sideways, to see what sticks out.
      if (Math.max(html, body) > phone.width) await page.screenshot({ path: path.join(shots, `${deskPage.name}.png`), fullPage: true })
      const where = `${deskPage.name} (${deskPage.path(made)}); past the right edge: ${culprits.join(', ')}`
      expect.soft(Math.max(html, body), where).toBeLessThanOrEqual(phone.width)
    }
    await close()
  })

  test('a Menu opened before the page’s script has arrived stays open once it has', async ({ page }) => {
    await signIn(page, 'writer@copydesk.test')
    // A slow phone: the page's scripts are held back until the menu is open (a disclosure needs none).
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route(/\/_next\/static\/chunks\/.*\.js(\?|$)/, async (route) => {
      await held
      await route.continue()
    })
    await page.goto('/desk/media', { waitUntil: 'domcontentloaded' })
    const media = page.getByRole('navigation', { name: 'Desk' }).getByRole('link', { name: 'Media' })
    await menu(page).click()
    await expect(media).toBeVisible()

    release()
    // React has taken the page over once the menu's element carries its keys; its effects run just after.
    await page.waitForFunction(() =>
      Object.keys(document.querySelector('details.desk-menu') ?? {}).some((key) => key.startsWith('__react')),
    )
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)))
    await expect(media).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(media).toBeHidden()
  })

  test('the desk’s navigation is behind "Menu", opened by keyboard or touch, and Sign out in it works', async ({ page }) => {
    // A session of its own: signing out ends it, and the saved demo sessions stay in use.
    await signInThroughForm(page, 'writer2@copydesk.test')
    const desk = page.getByRole('navigation', { name: 'Desk' })
    const signOut = page.getByRole('button', { name: 'Sign out' })
    await expect(desk.getByRole('link', { name: 'Media' })).toBeHidden()
    await expect(signOut).toBeHidden()

    // From the keyboard: the next stop after the name of the desk, Enter opens it, Escape closes it.
    await page.getByRole('link', { name: 'Copydesk' }).focus()
    await page.keyboard.press('Tab')
    await expect(menu(page)).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(desk.getByRole('link', { name: 'Media' })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(desk.getByRole('link', { name: 'Media' })).toBeHidden()
    await expect(menu(page)).toBeFocused()

    // A link taken from the menu opens its page and folds the menu away.
    await menu(page).click()
    await desk.getByRole('link', { name: 'Media' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Media library' })).toBeVisible()
    await expect(desk.getByRole('link', { name: 'Media' })).toBeHidden()

    await menu(page).click()
    await expect(signOut).toBeInViewport()
    await page.screenshot({ path: path.join(shots, 'menu-open.png') })
    expect((await overflow(page)).html).toBeLessThanOrEqual(phone.width)
    await signOut.click()
    await expect(page).toHaveURL(/\/login/)
  })
})

/** The disclosure that holds the desk's links on a phone (a summary: a button to assistive technology). */
const menu = (page: Page) => page.locator('summary').filter({ hasText: /^Menu$/ })

test('at a desk’s width the navigation shows without a menu', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await signIn(page, emails.writer)
  await expect(menu(page)).toBeHidden()
  const desk = page.getByRole('navigation', { name: 'Desk' })
  for (const name of ['Stories', 'Media', 'Public site']) await expect(desk.getByRole('link', { name })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
  await page.screenshot({ path: path.join(shots, 'desk-1280.png') })
})
