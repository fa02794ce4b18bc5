import { type APIRequestContext, type Browser, type Page, expect } from '@playwright/test'
import { doc, p, storyDraft, text } from '../test/story-docs'
import { type DeskPage, type Made, type Person, emails, longTag, longUrl, longWord } from './desk-pages'
import { ownId, signIn, signedInClient } from './fixtures'
import { uniquePicture } from './media-files'

// The one setup behind every walk through the desk's pages (e2e/desk-pages.ts): the data they
// show, a signed-in page per person, and a visit that waits until a page has drawn.

/** The writer's story: a long headline, a figure, two bylines (one an outside contributor), a long link and a second revision. */
async function makeStory(writer: APIRequestContext): Promise<Omit<Made, 'tagId' | 'webhookId'>> {
  const file = { name: `${longWord}.jpg`, mimeType: 'image/jpeg', buffer: await uniquePicture(1200, 800, 'jpeg') }
  const uploaded = await writer.post('/desk/media/upload', { multipart: { file, alt: 'The harbour wall under repair' } })
  expect(uploaded.status()).toBe(201)
  const media = ((await uploaded.json()) as { media: { id: number; src: string } }).media
  const figure = {
    type: 'figure',
    attrs: {
      kind: 'photo',
      mediaId: media.id,
      src: media.src,
      alt: 'The harbour wall',
      caption: `Works at the ${longWord}.`,
      credit: 'ANA LIMA',
    },
  }
  const draft = storyDraft({
    headline: `Harbour ${longWord} finally begins after a decade of delays and three changes of government ${Date.now()}`,
    standfirst: `The ${longWord} has a budget of $180m and a timetable nobody believes.`,
    body: doc(
      p(text('The report is at '), text(longUrl, [{ type: 'link', attrs: { href: longUrl } }]), text('.')),
      figure,
      p(text(longWord)),
    ),
    bylines: [{ userId: await ownId(writer) }, { name: 'Marguerite Delacroix-Villeneuve', outlet: 'The Northern Coastline Dispatch' }],
    tags: [longTag, 'harbour'],
    leadMediaId: media.id,
    leadCaption: `The ${longWord} site.`,
    leadCredit: 'ANA LIMA',
  })
  const created = await writer.post('/desk/articles/new/from-draft', { data: { draft } })
  expect(created.status(), await created.text()).toBe(200)
  const { articleId } = (await created.json()) as { articleId: number }
  const saved = await writer.post(`/desk/articles/${articleId}/revisions`, {
    data: { draft: { ...draft, standfirst: `${draft.standfirst} Changed.` }, baseVersion: 2, kind: 'save' },
  })
  expect(saved.status(), await saved.text()).toBe(200)
  const { revisionNumber } = (await saved.json()) as { revisionNumber: number }
  return { storyId: articleId, headline: draft.headline, mediaId: media.id, personId: await ownId(writer), lastRevision: revisionNumber }
}

/** A webhook endpoint with a long address, switched off (so nothing is sent to it); returns its id. */
async function addWebhook(admin: Page): Promise<number> {
  const url = `https://93.184.215.14/${longWord}/${Date.now()}`
  await admin.goto('/desk/admin/webhooks')
  const form = admin.getByRole('region', { name: 'New endpoint' })
  await form.getByLabel('Address (URL)').fill(url)
  await form.getByRole('checkbox', { name: /^Story published/ }).check()
  await form.getByRole('checkbox', { name: /^Active/ }).uncheck()
  await form.getByRole('button', { name: 'Add endpoint' }).click()
  await expect(form.getByRole('status')).toContainText('signing secret')
  return Number((await admin.getByRole('link', { name: url }).getAttribute('href'))?.split('/').pop())
}

/**
 * The desk as its pages are checked: the writer's story, a note on it, and a signed-in page per
 * person, in browser contexts made with `contextOptions` (a phone's viewport, a dark scheme).
 */
export async function openDesk(
  browser: Browser,
  baseURL: string,
  contextOptions: Parameters<Browser['newContext']>[0] = {},
): Promise<{ made: Made; pages: Map<Person, Page>; close: () => Promise<void> }> {
  const writerClient = await signedInClient(baseURL, emails.writer)
  const story = await makeStory(writerClient)
  await writerClient.dispose()

  const pages = new Map<Person, Page>()
  for (const person of ['writer', 'editor', 'admin'] as const) {
    const page = await (await browser.newContext(contextOptions)).newPage()
    await signIn(page, emails[person])
    pages.set(person, page)
  }
  const editor = pages.get('editor') as Page
  const admin = pages.get('admin') as Page
  await editor.goto(`/desk/admin/tags?q=${longTag}`)
  const tagLink = editor.getByRole('link', { name: longTag, exact: true })
  const made: Made = { ...story, tagId: Number((await tagLink.getAttribute('href'))?.split('/').pop()), webhookId: await addWebhook(admin) }
  const writer = pages.get('writer') as Page
  // A note with a long word, so the Notes panel is checked with a thread in it.
  await writer.goto(`/desk/articles/${made.storyId}`)
  const notes = writer.getByRole('region', { name: 'Notes' })
  await notes.getByLabel('New note').fill(`Check the ${longWord} figures against ${longUrl}`)
  await notes.getByRole('button', { name: 'Add note' }).click()
  // The form's own answer first: a refused or failed request says so here, rather than a missing
  // note; no answer at all says where the page was and whether the form was still sending.
  await expect(notes.getByRole('status'))
    .toHaveText('Note added.')
    .catch(async (error: Error) => {
      const sending = await notes
        .getByRole('button', { name: 'Add note' })
        .isDisabled({ timeout: 1_000 })
        .catch(() => null)
      const form = sending === null ? 'the note form was gone' : sending ? 'the note form was still sending' : 'the note form was idle'
      throw new Error(`${error.message}\nAt ${writer.url()}, ${form}.`)
    })
  await expect(notes.getByText(`Check the ${longWord}`)).toBeVisible()
  const close = async () => {
    await Promise.all([...pages.values()].map((page) => page.context().close()))
  }
  return { made, pages, close }
}

/** Opens a desk page as its person and waits until it has drawn what it shows. */
export async function visit(page: Page, deskPage: DeskPage, made: Made): Promise<void> {
  await page.goto(deskPage.path(made))
  await expect(page.getByRole('heading', { level: 1, name: deskPage.heading }).first()).toBeVisible()
  if (deskPage.name === 'story-form') await expect(page.getByRole('textbox', { name: 'Story body' })).toBeVisible()
}
