import type { Extensions } from '@tiptap/core'
import { StarterKit } from '@tiptap/starter-kit'
import { SuggestedBlock, headingLevels } from './block-suggestion'
import { CommentMark } from './marks/comment'
import { StoryLink } from './marks/link'
import { FormattingMark } from './marks/suggested-format'
import { DeletionMark, InsertionMark } from './marks/suggestion'
import { QuoteBlock } from './nodes/blockquote'
import { Embed } from './nodes/embed'
import { Figure } from './nodes/figure'
import { HorizontalRuleShortcut } from './nodes/horizontal-rule'
import { PullQuote } from './nodes/pull-quote'
import { SuggestedBreak } from './nodes/suggested-break'
import { WholeBlockSuggestions } from './whole-blocks'
import { AttrChangeSuggestions } from './attr-changes'

export { headingLevels }

/**
 * THE extension list of a story body, used by the browser editor and by the server renderer
 * (lib/rich-text.ts), so that what a writer sees is what a reader gets, and a node, mark or
 * attribute not listed here cannot reach a page. Importable on the server: nothing here touches
 * the DOM or React until an editor is created.
 *
 * Paragraphs, headings 2–4, bold, italic, underline, strike, links, bullet and numbered lists,
 * block quotes with an attribution, pull quotes, figures, embeds (as cards), horizontal rules and
 * hard breaks, and the desk's comments on the words and suggested insertions and deletions,
 * paragraph breaks among them, suggested formatting and links, suggested headings, list items
 * and their nesting, and block quotes and rules suggested in or out (never shown to readers as such). No code, no loose
 * images, no raw HTML.
 */
export const storyExtensions: Extensions = storyExtensionList(true)

/**
 * The same list for a body written together (lib/collab/): without StarterKit's own undo, as the
 * collaboration extension's undo takes back only this person's changes.
 */
export const sharedStoryExtensions: Extensions = storyExtensionList(false)

function storyExtensionList(hasOwnUndo: boolean): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [...headingLevels] },
      blockquote: false,
      link: false,
      code: false,
      codeBlock: false,
      // A story may end with a figure; the gap cursor lets the writer type after it, and no empty
      // paragraph is added to every saved body.
      trailingNode: false,
      ...(hasOwnUndo ? {} : { undoRedo: false as const }),
    }),
    QuoteBlock,
    StoryLink,
    PullQuote,
    Figure,
    Embed,
    HorizontalRuleShortcut,
    CommentMark,
    InsertionMark,
    DeletionMark,
    FormattingMark,
    SuggestedBreak,
    SuggestedBlock,
    WholeBlockSuggestions,
    AttrChangeSuggestions,
  ]
}
