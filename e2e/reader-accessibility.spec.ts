import { expect, test } from './test'
import { accessibilityProblems, colorSchemes } from './axe'
import { marsaHalim } from './reader-pages'

// The walks are the suite's longest tests and share nothing: each scheme's runs on a worker of its own.
test.describe.configure({ mode: 'parallel' })

// Every kind of reader page, in the system's light and dark colour schemes: axe finds nothing of
// any impact. One test per scheme walks them all (a page each would start a browser context each).
const readerPages = [
  '/',
  '/regions',
  '/regions/middle-east',
  marsaHalim.path,
  '/authors/hannah-lindqvist',
  '/tags/ports',
  '/search?q=harbour',
  '/search?q=harbor',
  '/search',
  '/about',
  '/corrections',
  '/no-such-page',
]

for (const colorScheme of colorSchemes) {
  test(`every reader page type passes axe in the ${colorScheme} scheme`, async ({ browser }) => {
    test.setTimeout(120_000)
    const page = await (await browser.newContext({ colorScheme })).newPage()
    for (const path of readerPages) {
      await page.goto(path)
      expect.soft(await accessibilityProblems(page, colorScheme), path).toEqual([])
    }
    await page.context().close()
  })
}

test('the story page fits a 360-pixel phone without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  for (const path of ['/', marsaHalim.path]) {
    await page.goto(path)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  }
})
