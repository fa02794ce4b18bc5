import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from './test'
import { signedInPage } from './fixtures'
import { press, stateLine, startStory, storyBody, submitForReview } from './pages/story-form'

test('an admin registers an endpoint on this machine, publishes a story and reads the delivery in the log', async ({ browser }) => {
  const received: string[] = []
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      received.push(Buffer.concat(chunks).toString('utf8'))
      response.end('thanks')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/copydesk-${Date.now()}`
  try {
    const admin = await signedInPage(browser, 'admin@copydesk.test')
    await admin.goto('/desk/admin/webhooks')
    const privateAddresses = admin.getByRole('region', { name: 'Private addresses' })
    await privateAddresses.getByLabel('Allow private, loopback and link-local addresses').check()
    await privateAddresses.getByRole('button', { name: 'Save' }).click()
    await expect(privateAddresses.getByRole('status')).toContainText('may now go to private')

    const form = admin.getByRole('region', { name: 'New endpoint' })
    await form.getByLabel('Address (URL)').fill('ftp://x')
    await form.getByRole('checkbox', { name: /^Story published/ }).check()
    await form.getByRole('button', { name: 'Add endpoint' }).click()
    await expect(form.getByLabel('Address (URL)')).toHaveAccessibleDescription(/must start with http:\/\/ or https:\/\//)
    await form.getByLabel('Address (URL)').fill(url)
    await form.getByLabel('Description').fill('The newsroom’s app')
    await form.getByRole('button', { name: 'Add endpoint' }).click()
    await expect(form.getByRole('status')).toContainText('signing secret')

    const headline = `Harbour webhooks ${Date.now()}`
    await startStory(admin, headline)
    await storyBody(admin).click()
    await admin.keyboard.type('The harbour reopens on Monday.')
    await submitForReview(admin)
    await press(admin, 'Publish')
    await expect(stateLine(admin)).toHaveText('Published')

    await admin.goto('/desk/admin/webhooks')
    await admin.getByRole('link', { name: url }).click()
    await expect(admin.getByRole('heading', { level: 1, name: 'The newsroom’s app' })).toBeVisible()
    const delivery = admin.getByRole('row').filter({ hasText: headline })
    // Sent off the request's path, within seconds.
    await expect(async () => {
      await admin.reload()
      await expect(delivery).toContainText('HTTP 200', { timeout: 1000 })
    }).toPass({ timeout: 15_000 })
    await expect(delivery).toContainText('Delivered')
    expect(received.some((body) => body.includes(headline))).toBe(true)
  } finally {
    server.closeAllConnections()
    server.close()
  }
})
