import { liftListItem, sinkListItem } from '@tiptap/pm/schema-list'
import type { Command, EditorState } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import type { RichTextNode } from '@/db/schema'
import { storySchema } from '@/lib/rich-text-repair'
import { forReaders } from '@/lib/story-schema/suggestions'
import { ana, json, newId, now, paragraph, stateOfJson, suggest } from '@/test/suggesting'
import { bullets, caretIn, expectSettles, item, pending, quote, settled, shape, shiftTab } from '@/test/suggesting-lists'
import { suggestTransaction } from './suggest-changes'

// An item taken out a level more than once, taking the items after it in its list as its own on
// the way, as one suggestion (suggest-blocks.ts, suggest-blocks-places.ts).

const { listItem } = storySchema.nodes
const body = (...content: RichTextNode[]) => stateOfJson({ type: 'doc', content })
const numbers = (...items: RichTextNode[]): RichTextNode => ({ type: 'orderedList', content: items })

describe('an item taken out a level twice, taking the item after it as its own the second time', () => {
  /** A holding B (with C in a numbered list in it) and D. */
  const start = () => body(bullets(item('A', bullets(item('B', numbers(item('C'))), item('D')))), paragraph('Z'))

  it('is one suggestion, of a numbered item: rejected and for readers D is back in A, after B', () => {
    let [state, made] = [start(), start()]
    for (const step of [
      'Bulleted list, level 2 (was numbered list, moved 1 level out)',
      'Bulleted list (was numbered list, moved 2 levels out)',
    ]) {
      state = suggest(caretIn(state, 'C'), ana, shiftTab)
      made = caretIn(made, 'C').apply(shiftTab(caretIn(made, 'C')))
      expect(pending(state)[0]?.[1]).toBe(step)
      expectSettles(state, start(), made)
    }
    expect(shape(state)).toEqual(['listItem>p A', 'listItem>p B', 'listItem>p C', 'listItem>p D', 'p Z'])
    expect(pending(state)).toEqual([['block', 'Bulleted list (was numbered list, moved 2 levels out)', 'C D', 'Ana Ruiz']])
  })

  it('is one suggestion of a bulleted item too, and out of the list altogether a third time', () => {
    const bulleted = () => body(quote(bullets(item('A', bullets(item('B', bullets(item('C'))), item('D'))))))
    let [state, made] = [bulleted(), bulleted()]
    for (let time = 0; time < 3; time += 1) {
      state = suggest(caretIn(state, 'C'), ana, shiftTab)
      made = caretIn(made, 'C').apply(shiftTab(caretIn(made, 'C')))
      expectSettles(state, bulleted(), made)
    }
    expect(pending(state)).toEqual([['block', 'Paragraph (was bulleted list, moved 2 levels out)', 'C D', 'Ana Ruiz']])
  })

  it('is refused when the item already holds a list it took as its own: rejected, its item could not go back out', () => {
    const withF = body(bullets(item('A', bullets(item('B', numbers(item('C'), item('F'))), item('D')))))
    const once = suggest(caretIn(withF, 'C'), ana, shiftTab)
    const at = caretIn(once, 'C')
    expect(suggestTransaction(at, shiftTab(at), ana, now, newId)).toBeNull()
  })
})

describe('every sequence of three Tab and Shift-Tab presses in stories of nested lists of both kinds', () => {
  const stories = [
    () => body(bullets(item('A', bullets(item('B', numbers(item('C'), item('F'))), item('D'))), item('E')), paragraph('Z')),
    // An item holding blocks after its list: taken out of it, they become an item of their own.
    () =>
      body(
        bullets(
          { type: 'listItem', content: [paragraph('A'), numbers(item('B'), item('C')), paragraph('A2'), bullets(item('D'))] },
          item('E'),
        ),
      ),
  ]
  const keys: [string, Command][] = [
    ['Tab', sinkListItem(listItem!)],
    ['Shift-Tab', liftListItem(listItem!)],
  ]
  /** `command` in the block of words `text` of `state` as the editor makes it, and as Ana's suggestion (each null if none). */
  const press = (state: EditorState, text: string, command: Command) => {
    const at = caretIn(state, text)
    const made: EditorState[] = []
    const suggested: EditorState[] = []
    command(at, (tr) => {
      made.push(at.apply(tr))
      const changed = suggestTransaction(at, tr, ana, now, newId)
      if (changed) suggested.push(at.apply(changed))
    })
    return { made: made[0] ?? null, suggested: suggested[0] ?? null }
  }

  it('gives back the story rejected and for readers, and the editor’s own result accepted, at every step not refused', () => {
    let steps = 0
    const walk = (story: () => EditorState, state: EditorState, plain: EditorState, depth: number, path: string) => {
      for (const text of shape(state).map((line) => line.slice(line.indexOf(' ') + 1)))
        for (const [name, command] of keys) {
          const next = press(plain, text, command).made
          const { suggested } = press(state, text, command)
          if (!next || !suggested) continue
          const here = `${path} ${name} ${text}`
          expect(json(settled(suggested, false)), here).toEqual(json(story()))
          expect(storySchema.nodeFromJSON(forReaders(json(suggested))).toJSON(), here).toEqual(json(story()))
          expect(json(settled(suggested, true)), here).toEqual(json(next))
          steps += 1
          if (depth < 2) walk(story, suggested, next, depth + 1, here)
        }
    }
    for (const story of stories) walk(story, story(), story(), 0, '')
    expect(steps).toBeGreaterThan(200)
  }, 30_000)
})
