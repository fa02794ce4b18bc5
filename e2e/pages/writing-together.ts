import { type Browser, type Page } from '@playwright/test'
import { expect } from '../test'
import { signIn, signedInPage } from '../fixtures'
import { startStory, storyBody } from './story-form'

// Two people in one story through the sync server (the test project edits alone by default:
// playwright.config.ts), for the specs of writing together and of suggestions.

const writeTogetherCookie = 'copydesk-write-together'
export const together = (page: Page) => page.getByRole('status', { name: 'Writing together' })

/** This browser writes together again (the test project edits alone by default). */
export async function writeTogether(page: Page): Promise<void> {
  await page.context().clearCookies({ name: writeTogetherCookie })
}

/** The writer's new story, shared, with one paragraph; and the editor in it too, seeing that paragraph. */
export async function sharedStory(page: Page, browser: Browser, headline: string, paragraph: string): Promise<Page> {
  await signIn(page, 'writer@copydesk.test')
  await writeTogether(page)
  await startStory(page, headline)
  await expect(together(page)).toContainText('Writing together:')
  await storyBody(page).click()
  await page.keyboard.type(paragraph)
  return joinStory(browser, 'editor@copydesk.test', page.url(), paragraph)
}

/** `email` opens the shared story at `url` in a browser of their own and sees its `paragraph`. */
export async function joinStory(browser: Browser, email: string, url: string, paragraph: string): Promise<Page> {
  const other = await signedInPage(browser, email)
  await writeTogether(other)
  await other.goto(url)
  await expect(together(other)).toContainText('Writing together:')
  await expect(storyBody(other)).toHaveText(paragraph)
  return other
}
