import { expect, test } from './test'
import { signedInPage } from './fixtures'

// A token's whole life: an admin makes one in the desk and sees its secret once; a program
// writes a draft with it, which the desk opens as the admin's; once revoked, it is refused.

test('an admin makes a token, a program writes a draft with it that the desk shows, and revoking it stops the next request', async ({
  browser,
  request,
}) => {
  const admin = await signedInPage(browser, 'admin@copydesk.test')
  const name = `Newsletter app ${Date.now()}`
  await admin.goto('/desk/admin/tokens')
  await expect(admin.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible()
  const form = admin.getByRole('region', { name: 'New token' })
  await form.getByLabel('Name').fill(name)
  await form.getByRole('checkbox', { name: /Create and update drafts/ }).check()
  await form.getByRole('checkbox', { name: /Read the newest draft/ }).check()
  await form.getByLabel('Expires').selectOption({ label: '30 days' })
  await form.getByRole('button', { name: 'Create token' }).click()
  const shown = form.getByRole('status')
  await expect(shown).toContainText('shown only this once')
  const secret = /cdk_[A-Za-z0-9_-]{43}/.exec((await shown.textContent()) ?? '')?.[0] ?? ''
  expect(secret).not.toBe('')
  const row = admin.getByRole('row').filter({ hasText: name })
  await expect(row).toContainText('read:drafts, write:drafts')
  await expect(row).toContainText('Never used')
  // Shown once: the page as loaded again does not have it.
  await admin.reload()
  await expect(admin.getByText(secret)).toHaveCount(0)

  const auth = { authorization: `Bearer ${secret}` }
  const sections = (await (await request.get('/api/v1/sections')).json()) as { data: { id: number }[] }
  const sectionId = sections.data[0]?.id ?? 0
  const headline = `Written by a program ${Date.now()}`
  const created = await request.post('/api/v1/drafts', {
    headers: auth,
    data: { headline, sectionId, standfirst: 'Sent through the API.' },
  })
  expect(created.status()).toBe(201)
  expect(created.headers()['cache-control']).toBe('private, no-store')
  const draft = (await created.json()) as { id: number; version: number; status: string }
  expect(draft.status).toBe('draft')
  expect(created.headers().etag).toBe(`"v${draft.version}"`)

  // A cookie never writes through the API, and a stale version is refused.
  const noToken = await admin.request.post('/api/v1/drafts', { data: { headline, sectionId } })
  expect(noToken.status()).toBe(401)
  expect(await noToken.json()).toMatchObject({ error: { code: 'unauthorized' } })
  const stale = await request.patch(`/api/v1/drafts/${draft.id}`, { headers: { ...auth, 'if-match': '"v0"' }, data: { headline: 'x' } })
  expect(stale.status()).toBe(412)
  const updated = await request.patch(`/api/v1/drafts/${draft.id}`, {
    headers: { ...auth, 'if-match': created.headers().etag ?? '' },
    data: { headline: `${headline}, updated` },
  })
  expect(updated.status()).toBe(200)
  // Never published: readers do not have it.
  expect((await request.get(`/api/v1/stories/${draft.id}`)).status()).toBe(404)

  // The draft in the desk, as the admin who made the token wrote it.
  await admin.goto(`/desk/articles/${draft.id}`)
  await expect(admin.getByLabel('Headline', { exact: true })).toHaveValue(`${headline}, updated`)
  await admin.goto('/desk/admin/tokens')
  await expect(row).not.toContainText('Never used')

  await row.getByText('Revoke…').click()
  await row.getByRole('button', { name: `Revoke “${name}”` }).click()
  await expect(row).toContainText('Revoked')
  const refused = await request.get(`/api/v1/drafts/${draft.id}`, { headers: auth })
  expect(refused.status()).toBe(401)
  expect(refused.headers()['www-authenticate']).toContain('Bearer')
  expect(await refused.json()).toMatchObject({ error: { code: 'unauthorized', message: expect.stringContaining('revoked') } })
  await admin.close()
})
