import { expect, test } from './test'
import { storyBody } from './pages/story-form'
import { joinStory, paragraphsOf, writerStartsTogether } from './pages/writing-together'

// A caret moved with the keyboard while someone else types in the same story: the browser moves
// it at once, the editor learns of it a moment later, and the other's keys may arrive in between.

/** The keys of one move, and where they put the caret: a paragraph (of the editor's three) and an offset in it. */
type Move = { keys: string[]; to: (caret: Caret, paragraphs: string[]) => Caret }
type Caret = { paragraph: number; offset: number }

const lineEnd = (paragraph: number, paragraphs: string[]) => ({ paragraph, offset: paragraphs[paragraph]?.length ?? 0 })

// A round of moves that ends where it began, at the start of the editor's first paragraph; each
// paragraph is one line, so that ArrowUp and ArrowDown go to the paragraph above or below.
const round: Move[] = [
  { keys: ['End'], to: ({ paragraph }, paragraphs) => lineEnd(paragraph, paragraphs) },
  { keys: ['Home'], to: ({ paragraph }) => ({ paragraph, offset: 0 }) },
  { keys: ['ArrowDown', 'End'], to: ({ paragraph }, paragraphs) => lineEnd(paragraph + 1, paragraphs) },
  { keys: ['ArrowDown', 'Home'], to: ({ paragraph }) => ({ paragraph: paragraph + 1, offset: 0 }) },
  { keys: ['ControlOrMeta+End'], to: (_, paragraphs) => lineEnd(paragraphs.length - 1, paragraphs) },
  { keys: ['ArrowUp', 'ArrowUp', 'Home'], to: ({ paragraph }) => ({ paragraph: paragraph - 2, offset: 0 }) },
]

test('a caret moved with the keyboard stays where the keys put it while the other person types', async ({ page, browser }) => {
  test.slow()
  const typed = 'Rain falls.'
  const first = 'Roads flood.'
  const mine = [first, 'Schools shut.', 'Trains stop.']
  await writerStartsTogether(page, 'Flood warning', typed)
  for (const line of mine) {
    await page.keyboard.press('Enter')
    await page.keyboard.type(line)
  }
  const editorPage = await joinStory(browser, 'editor@copydesk.test', page.url(), [typed, ...mine].join(''))
  await page.keyboard.press('ControlOrMeta+Home')
  await page.keyboard.press('End')
  await storyBody(editorPage).getByText(first).click()
  await editorPage.keyboard.press('Home')

  // The writer types steadily at the end of the first paragraph until the editor is done.
  let isMoving = true
  let writerTyped = ''
  const writing = (async () => {
    while (isMoving) {
      await page.keyboard.type(' rain', { delay: 20 })
      writerTyped += ' rain'
    }
  })()

  // The editor moves through the other paragraphs, a marker typed right after each move.
  const expected = [...mine]
  let caret: Caret = { paragraph: 0, offset: 0 }
  for (let turn = 0; turn < 5; turn++) {
    for (const [index, move] of round.entries()) {
      for (const key of move.keys) await editorPage.keyboard.press(key)
      caret = move.to(caret, expected)
      const marker = String(index + 1)
      const line = expected[caret.paragraph] ?? ''
      expected[caret.paragraph] = line.slice(0, caret.offset) + marker + line.slice(caret.offset)
      caret = { ...caret, offset: caret.offset + 1 }
      await editorPage.keyboard.type(marker)
    }
  }
  isMoving = false
  await writing

  for (const person of [page, editorPage]) await expect.poll(() => paragraphsOf(person)).toEqual([typed + writerTyped, ...expected])
  await editorPage.context().close()
})

test('bold turned on with nothing selected stays on for the next words while the other person types', async ({ page, browser }) => {
  const typed = 'Wind rises.'
  const mine = 'Ferries wait.'
  await writerStartsTogether(page, 'Gale warning', typed)
  await page.keyboard.press('Enter')
  await page.keyboard.type(mine)
  const editorPage = await joinStory(browser, 'editor@copydesk.test', page.url(), typed + mine)
  await storyBody(editorPage).getByText(mine).click()
  await editorPage.keyboard.press('End')
  await editorPage.keyboard.press('ControlOrMeta+b')

  await page.keyboard.press('ControlOrMeta+Home')
  await page.keyboard.press('End')
  await page.keyboard.type(' Gusts.')
  await expect.poll(() => paragraphsOf(editorPage)).toEqual([`${typed} Gusts.`, mine])
  await editorPage.keyboard.type(' Sailings cancelled.')

  for (const person of [page, editorPage]) await expect(storyBody(person).locator('strong')).toHaveText('Sailings cancelled.')
  await editorPage.context().close()
})
