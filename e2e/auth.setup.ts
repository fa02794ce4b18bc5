import { test as setup } from './test'
import { authFile, demoAccounts, signInThroughForm } from './fixtures'

// Signs each demo account in once, through the form, and keeps its session for every test that
// needs that person (`signIn` and `signedInPage` in e2e/fixtures.ts load it).
for (const email of demoAccounts) {
  setup(`sign in as ${email}`, async ({ page }) => {
    await signInThroughForm(page, email)
    await page.context().storageState({ path: authFile(email) })
  })
}
