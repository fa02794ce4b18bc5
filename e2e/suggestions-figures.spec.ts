import { expect, test } from './test'
import { signedInPage } from './fixtures'
import { addFigure, clickInBody, openPreview, saveAndWait, startStory, storyBody, toolbarButton } from './pages/story-form'
import { suggestionBy, suggestionsRail as rail } from './pages/suggestions'

// A figure's caption changed while suggesting (components/editor/suggest-attrs.ts): shown at once
// with who suggested it, listed for the writer too, left out of the preview, accepted or rejected.

test('a figure’s caption changed while suggesting: listed for the writer, the preview keeps the old caption, accepted it stays, rejected the old one is back', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const writer = await signedInPage(browser, 'writer@copydesk.test')
  await startStory(writer, `Pier figure ${Date.now()}`)
  await storyBody(writer).click()
  await writer.keyboard.type('The ferry lands at the new pier.')
  await addFigure(writer, { alt: 'The pier at low tide', caption: 'The old pier', credit: 'HARBOUR BOARD' })
  await saveAndWait(writer)

  const editor = await signedInPage(browser, 'editor@copydesk.test')
  await editor.goto(writer.url())
  await editor.getByRole('button', { name: 'Suggest changes' }).click()
  const figure = storyBody(editor).getByRole('figure')
  const recaption = async (caption: string) => {
    await figure.click()
    await toolbarButton(editor, 'Figure').click()
    const edit = editor.getByRole('group', { name: 'Edit figure' })
    await edit.getByLabel('Caption', { exact: true }).fill(caption)
    await edit.getByRole('button', { name: 'OK' }).click()
  }
  await recaption('The new pier at dawn')
  await expect(figure).toContainText('The new pier at dawn')
  await expect(figure).toHaveAttribute('title', /^New caption suggested by Daniel Achterberg, /)
  const listed = 'Figure changed: caption “The new pier at dawn”'
  await expect(suggestionBy(editor, listed)).toBeVisible()
  await expect(suggestionBy(writer, listed)).toBeVisible()
  await expect(storyBody(writer).getByRole('figure')).toContainText('The new pier at dawn')

  const preview = await openPreview(editor)
  await expect(preview.getByRole('figure')).toContainText('The old pier')
  await expect(preview.getByText('The new pier at dawn')).toHaveCount(0)
  await preview.close()

  await suggestionBy(editor, listed)
    .getByRole('button', { name: /^Accept/ })
    .click()
  await expect(rail(editor)).toHaveCount(0)
  await expect(figure).not.toHaveAttribute('title', /.*/)
  await expect(storyBody(writer).getByRole('figure')).toContainText('The new pier at dawn')

  await clickInBody(editor, 'The ferry lands at the new pier.', 'End')
  await recaption('A wrong caption')
  await expect(suggestionBy(editor, 'Figure changed: caption “A wrong caption”')).toBeVisible()
  await suggestionBy(editor, 'Figure changed: caption “A wrong caption”')
    .getByRole('button', { name: /^Reject/ })
    .click()
  await expect(rail(editor)).toHaveCount(0)
  await expect(figure).toContainText('The new pier at dawn')
  await expect(storyBody(writer).getByRole('figure')).toContainText('The new pier at dawn')
  await expect(storyBody(writer).getByRole('figure')).not.toContainText('wrong')
})
