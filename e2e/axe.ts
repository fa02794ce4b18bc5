import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

/** The two colour schemes every page is checked in: the system's light and dark settings. */
export const colorSchemes = ['light', 'dark'] as const
export type ColorScheme = (typeof colorSchemes)[number]

/**
 * axe-core's violations of any impact, each as "rule (impact): where": an empty list is a pass.
 * In the light scheme every rule for WCAG 2.x A and AA and axe's best practices runs, none
 * switched off; in the dark scheme only what the scheme changes, the colour contrast rules
 * (the page's structure is the same, and checking it twice would double the run).
 * axe runs inside the page and its frames ("legacy mode"): the default merges each frame's results
 * in a blank tab it opens for every check, which made each check about three times slower. The only
 * frames pages have are another site's embeds, which this machine cannot load in either mode.
 */
export async function accessibilityProblems(page: Page, scheme: ColorScheme = 'light'): Promise<string[]> {
  const axe = new AxeBuilder({ page }).setLegacyMode(true)
  const results = await (
    scheme === 'light'
      ? axe.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      : axe.withRules(['color-contrast', 'link-in-text-block'])
  ).analyze()
  return results.violations.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  )
}
