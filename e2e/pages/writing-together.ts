import { type Browser, type Page, type WebSocketRoute } from '@playwright/test'
import { expect } from '../test'
import { signIn, signedInPage } from '../fixtures'
import { startStory, storyBody } from './story-form'

// Writing together in the desk's browsers: the specs that share a story (the others edit alone:
// playwright.config.ts sets the cookie that says so).

const writeTogetherCookie = 'copydesk-write-together'
export type CuttableNetwork = { cut: () => Promise<void>; pageBack: () => Promise<void>; restore: () => Promise<void> }
export const together = (page: Page) => page.getByRole('status', { name: 'Writing together' })

/** This browser writes together again (the test project edits alone by default). */
export async function writeTogether(page: Page): Promise<void> {
  await page.context().clearCookies({ name: writeTogetherCookie })
}

/** The writer's new story, shared, with one paragraph; and the editor in it too, seeing that paragraph. */
export async function sharedStory(page: Page, browser: Browser, headline: string, paragraph: string): Promise<Page> {
  await writerStartsTogether(page, headline, paragraph)
  return joinStory(browser, 'editor@copydesk.test', page.url(), paragraph)
}

/** The writer starts a story written together and types its first `paragraph`. */
export async function writerStartsTogether(page: Page, headline: string, paragraph: string): Promise<void> {
  await signIn(page, 'writer@copydesk.test')
  await writeTogether(page)
  await startStory(page, headline)
  await expect(together(page)).toContainText('Writing together:')
  await storyBody(page).click()
  await page.keyboard.type(paragraph)
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

/**
 * The page's connections to the sync server, through a route that a test can cut, with the rest
 * of its network (the page's own requests), and bring back; or bring back the page's own requests
 * alone (`pageBack`), the sync server still cut off.
 */
export async function cuttableNetwork(page: Page): Promise<CuttableNetwork> {
  let isCut = false
  let open: WebSocketRoute[] = []
  await page.routeWebSocket(/\/desk\/collab/, (socket) => {
    if (isCut) return socket.close()
    socket.connectToServer()
    open.push(socket)
  })
  return {
    async cut() {
      isCut = true
      await page.context().setOffline(true)
      // Closing the page's end closes the server's end too.
      await Promise.all(open.map((socket) => socket.close()))
      open = []
    },
    async pageBack() {
      await page.context().setOffline(false)
    },
    async restore() {
      isCut = false
      await page.context().setOffline(false)
    },
  }
}

/**
 * Reloads the page with its own requests back and the sync server still cut off: the typing kept
 * on this device is there to type on into, and the status line says it is not yet shared.
 */
export async function reloadWhileCutOff(page: Page, network: CuttableNetwork): Promise<void> {
  await network.pageBack()
  await page.reload()
  await expect(together(page)).toContainText(
    'Connecting to the shared story… What you type is kept on this device and not yet shared with anyone',
  )
  await expect(storyBody(page)).toBeEditable()
}

/** The story's paragraphs as `person` sees them. */
export const paragraphsOf = (person: Page) => storyBody(person).locator('p').allTextContents()

export const firstParagraph = async (person: Page) => (await storyBody(person).locator('p').first().textContent()) ?? ''

/** Each person puts their caret at the end of the story's first paragraph. */
export async function toEndOfFirstParagraph(people: Page[]): Promise<void> {
  for (const person of people) {
    await storyBody(person).locator('p').first().click()
    await person.keyboard.press('End')
  }
}

export const stormStart = 'The storm closes the harbour.'

/**
 * The writer (`page`) and an editor on one new shared story, their carets at the end of its first
 * paragraph; then the writer's sync connections are cut, and both type there.
 */
export async function bothTypeWhileCutOff(page: Page, browser: Browser, headline: string) {
  const network = await cuttableNetwork(page)
  const editorPage = await sharedStory(page, browser, headline, stormStart)
  await toEndOfFirstParagraph([page, editorPage])
  await network.cut()
  await expect(together(page)).toContainText('Reconnecting to the shared story')
  await page.keyboard.type(' Ferries stay in port.')
  await editorPage.keyboard.type(' Winds reach 90 km/h.')
  return { network, editorPage }
}

/** Every person's first paragraph becomes the same text: `start`, then every keystroke of `typed`, each in order. */
export async function expectSameText(people: Page[], start: string, typed: string[], timeout = 10_000): Promise<void> {
  const [first, ...others] = people
  if (!first) throw new Error('nobody to compare')
  const length = start.length + typed.reduce((sum, words) => sum + words.length, 0)
  await expect.poll(async () => (await firstParagraph(first)).length, { timeout }).toBe(length)
  const shared = await firstParagraph(first)
  for (const other of others) await expect.poll(() => firstParagraph(other), { timeout }).toBe(shared)
  expect(shared.startsWith(start)).toBe(true)
  expect(typed.every((words) => holdsInOrder(shared, words))).toBe(true)
}

/** Whether every character of `typed` is in `text`, in order (others' typing may fall between them). */
function holdsInOrder(text: string, typed: string): boolean {
  let at = 0
  for (const character of text) if (character === typed[at]) at += 1
  return at === typed.length
}
