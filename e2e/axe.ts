import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

/**
 * Every axe-core rule for WCAG 2.x A and AA and axe's best practices, violations of any impact,
 * each as "rule (impact): where": an empty list is a pass. No rule is switched off.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze()
  return results.violations.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  )
}

/** The two colour schemes every page is checked in: the system's light and dark settings. */
export const colorSchemes = ['light', 'dark'] as const
