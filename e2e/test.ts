import { test as base } from '@playwright/test'

export { expect } from '@playwright/test'

/**
 * Playwright's `test`, which also closes every browser context a test opened itself
 * (`browser.newContext()`, `signedInPage`…) when it ends. Playwright closes only the contexts of
 * its own `page` and `context` fixtures; the others stayed open until the worker's browser closed,
 * their pages still polling the server and drawing, so each test ran slower than the one before.
 */
export const test = base.extend<{ closeOpenedContexts: void }>({
  closeOpenedContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts())
      await use()
      await Promise.all(
        browser
          .contexts()
          .filter((context) => !before.has(context))
          .map((context) => context.close()),
      )
    },
    { auto: true },
  ],
})
