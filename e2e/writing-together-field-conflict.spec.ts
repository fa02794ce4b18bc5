import { type Page } from '@playwright/test'
import { expect, test } from './test'
import { cuttableNetwork, sharedStory, stormStart, together } from './pages/writing-together'

// Two people change the same field of a shared story while one of them is cut off: the shared
// story keeps one value (the one Yjs orders last, whoever typed it), and whoever's value lost is
// told beside the field, with both values, and may put theirs back.

const seoTitle = (person: Page) => person.getByLabel('SEO title', { exact: true })
const socialHeadline = (person: Page) => person.getByLabel('Social headline', { exact: true })
const replaced = (person: Page) => person.getByRole('region', { name: 'SEO title: your change was replaced' })

test('two people change the SEO title while one is cut off: whoever lost is told with both values and puts theirs back', async ({
  page,
  browser,
}) => {
  test.slow()
  const network = await cuttableNetwork(page)
  const editorPage = await sharedStory(page, browser, 'Ferry strike', stormStart)
  await socialHeadline(editorPage).fill('Ferries stay in port')
  await expect(socialHeadline(page)).toHaveValue('Ferries stay in port')

  await network.cut()
  await expect(together(page)).toContainText('Reconnecting to the shared story')
  await seoTitle(page).fill('Ferry strike: the writer’s title')
  await seoTitle(editorPage).fill('Ferry strike: the editor’s title')
  await network.restore()
  await expect(together(page)).toContainText('Writing together:')

  // Both end with one value: whichever Yjs ordered last.
  await expect.poll(async () => (await seoTitle(page).inputValue()) === (await seoTitle(editorPage).inputValue())).toBe(true)
  const kept = await seoTitle(page).inputValue()
  const writerWon = kept === 'Ferry strike: the writer’s title'
  const [winner, loser] = writerWon ? [page, editorPage] : [editorPage, page]
  const [winnerName, lostValue] = writerWon
    ? ['Tomás Ferreira', 'Ferry strike: the editor’s title']
    : ['Daniel Achterberg', 'Ferry strike: the writer’s title']

  const notice = replaced(loser)
  await expect(notice).toContainText(`${winnerName} changed it while one of you was offline`)
  await expect(notice).toContainText(`Yours“${lostValue}”`)
  await expect(notice).toContainText(`${winnerName}’s, now in the story“${kept}”`)
  await expect(replaced(winner)).toHaveCount(0)
  // The field only one of them changed is as it was, for both.
  await expect(socialHeadline(page)).toHaveValue('Ferries stay in port')
  await expect(socialHeadline(editorPage)).toHaveValue('Ferries stay in port')

  // Putting it back is an ordinary change: everyone sees it, and nobody is told of a conflict.
  await notice.getByRole('button', { name: 'Put mine back' }).click()
  await expect(notice).toHaveCount(0)
  await expect(seoTitle(loser)).toHaveValue(lostValue)
  await expect(seoTitle(winner)).toHaveValue(lostValue)
  await expect(replaced(winner)).toHaveCount(0)
  await expect(replaced(loser)).toHaveCount(0)
  await editorPage.context().close()
})
