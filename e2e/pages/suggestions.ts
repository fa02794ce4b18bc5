import type { Page } from '@playwright/test'

/** The Suggestions list beside the story body. */
export const suggestionsRail = (page: Page) => page.getByRole('region', { name: /^Suggestions/ })

/** The listed suggestion `change` (e.g. "New figure “The new pier”"), suggested by the demo editor. */
export const suggestionBy = (page: Page, change: string) =>
  suggestionsRail(page).getByRole('article', { name: `${change}, suggested by Daniel Achterberg` })
