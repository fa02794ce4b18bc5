import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { marsaHalim } from './reader-pages'

for (const path of [
  '/',
  '/regions',
  '/regions/middle-east',
  marsaHalim.path,
  '/authors/hannah-lindqvist',
  '/tags/ports',
  '/search?q=harbour',
  '/search?q=harbor',
  '/about',
  '/corrections',
  '/no-such-page',
]) {
  test(`${path} has no serious or critical accessibility problems`, async ({ page }) => {
    await page.goto(path)
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([])
  })
}

test('the story page fits a 360-pixel phone without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  for (const path of ['/', marsaHalim.path]) {
    await page.goto(path)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  }
})
