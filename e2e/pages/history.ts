import { type Page, expect } from '@playwright/test'

// A story's history at /desk/articles/[id]/history, as the tests use it.

/** Compares revision `from` with the newest and waits for the comparison. */
export async function compareFrom(page: Page, from: number): Promise<void> {
  await page.getByRole('radio', { name: `from revision ${from}` }).check()
  await page.getByRole('button', { name: 'Compare' }).click()
  await expect(page.getByRole('heading', { name: new RegExp(`Changes from revision ${from} to revision \\d+`) })).toBeVisible()
}

/** The comparison of one field: `Headline`, `Body`… */
export const changesIn = (page: Page, field: string) => page.getByRole('region', { name: `${field} changes` })

/** Restores a revision and waits for the history to say which revision it became. */
export async function restore(page: Page, revision: number): Promise<void> {
  await page.getByRole('button', { name: `Restore revision ${revision}` }).click()
  await expect(page.getByText(new RegExp(`^Revision ${revision} is restored as revision \\d+\\.$`))).toBeVisible()
}
