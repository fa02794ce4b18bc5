import { EditorState, type Plugin } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { storySchema } from '@/lib/rich-text-repair'
import { CommentHighlights, commentHighlightsKey } from './comment-highlights'

// The highlights of open comments' words, as the words move: the other person's typing arrives
// from the shared body as a replacement of the paragraph, which must not lose them.

const plugins = CommentHighlights.config.addProseMirrorPlugins?.call({} as never) as Plugin[]

/** A paragraph of `before` and "half", the comment 7 on "half". */
function paragraph(before: string) {
  return storySchema.nodeFromJSON({
    type: 'paragraph',
    content: [
      { type: 'text', text: before },
      { type: 'text', text: 'half', marks: [{ type: 'comment', attrs: { noteId: 7 } }] },
    ],
  })
}

function highlighted(state: EditorState): string[] {
  const found = commentHighlightsKey.getState(state)?.decorations.find() ?? []
  return found.map((decoration) => state.doc.textBetween(decoration.from, decoration.to))
}

describe('comment highlights', () => {
  it('follow the words through typing before them and through a replacement of the paragraph', () => {
    const doc = storySchema.node('doc', null, [paragraph('Fares rise by ')])
    let state = EditorState.create({ schema: storySchema, doc, plugins })
    state = state.apply(state.tr.setMeta(commentHighlightsKey, { openIds: [7], activeId: null }))
    expect(highlighted(state)).toEqual(['half'])
    state = state.apply(state.tr.insertText('Ferry ', 1))
    expect(highlighted(state)).toEqual(['half'])
    // As the shared body brings another person's typing: the paragraph's content replaced whole.
    state = state.apply(state.tr.replaceWith(0, state.doc.content.size, paragraph('From June, Ferry fares rise by ')))
    expect(highlighted(state)).toEqual(['half'])
  })
})
