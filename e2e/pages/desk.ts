import { type Page, expect } from '@playwright/test'
import { startStory, submitForReview, workflow } from './story-form'

// The desk's list at /desk, as the tests use it.

export const queues = (page: Page) => page.getByRole('navigation', { name: 'Queues' })

/** The rows of the desk's list, without its header. */
export const storyRows = (page: Page) =>
  page
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByRole('cell') })

/** Fills the filter form (anything not given is reset) and applies it. */
export async function filter(page: Page, choices: { words?: string; section?: string; author?: string; state?: string }): Promise<void> {
  const form = page.getByRole('search', { name: 'Filter stories' })
  await form.getByLabel('Words in the story').fill(choices.words ?? '')
  await form.getByLabel('Section').selectOption({ label: choices.section ?? 'Any section' })
  await form.getByLabel('Author').selectOption({ label: choices.author ?? 'Anyone' })
  await form.getByLabel('State').selectOption({ label: choices.state ?? 'Any state' })
  await form.getByRole('button', { name: 'Filter' }).click()
}

/** Starts a story in a section and sends it for review; returns its id. */
export async function submitStory(page: Page, headline: string, section: string): Promise<number> {
  const id = await startStory(page, headline, section)
  await submitForReview(page)
  await expect(workflow(page).getByRole('button', { name: 'Withdraw from review' })).toBeVisible()
  return id
}
