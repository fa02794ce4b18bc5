import { type Browser, type Page, expect } from '@playwright/test'

export const demoPassword = 'copydesk-demo'

/** Signs in through the form, as a person would, and waits for the desk. */
export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.goto('/login')
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Desk' })).toBeVisible()
}

/** A page in a browser context of its own, signed in as `email`: a second person at another desk. */
export async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await signIn(page, email)
  return page
}

/** A unique e-mail address, so each test makes its own people. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`
}

/** Files as a DataTransfer inside the page, for drop and paste events. */
export function filesInPage(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  return page.evaluateHandle(
    (items) => {
      const transfer = new DataTransfer()
      for (const item of items) {
        const bytes = Uint8Array.from(atob(item.base64), (char) => char.charCodeAt(0))
        transfer.items.add(new File([bytes], item.name, { type: item.mimeType }))
      }
      return transfer
    },
    files.map((file) => ({ name: file.name, mimeType: file.mimeType, base64: file.buffer.toString('base64') })),
  )
}
