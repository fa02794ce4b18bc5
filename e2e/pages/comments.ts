import { type Page } from '@playwright/test'
import { expect } from '../test'
import { toolbarButton } from './story-form'

// The comments on the words beside a story's text (components/desk/comments-rail.tsx).

export const rail = (page: Page) => page.getByRole('region', { name: /^Comments/ })
export const thread = (page: Page, quote: string) => rail(page).getByRole('article', { name: new RegExp(`on “${quote}”$`) })

/** Selects the word before the caret and comments on it. */
export async function commentOnLastWord(page: Page, comment: string): Promise<void> {
  await page.keyboard.press('Control+Shift+ArrowLeft')
  await toolbarButton(page, 'Comment').click()
  const panel = page.getByRole('group', { name: 'Comment on the words' })
  await panel.getByLabel('Comment').fill(comment)
  await panel.getByRole('button', { name: 'OK' }).click()
  await expect(panel).toHaveCount(0)
}
