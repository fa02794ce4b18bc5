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
