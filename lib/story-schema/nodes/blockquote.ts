import { mergeAttributes } from '@tiptap/core'
import { Blockquote } from '@tiptap/extension-blockquote'
import type { EditorState } from '@tiptap/pm/state'
import { cleanLine } from '@/lib/clean-text'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    quoteAttribution: {
      /** Sets who is quoted on the block quote around the cursor (an empty string removes it). */
      setAttribution: (attribution: string) => ReturnType
    }
  }
}

/** The longest attribution kept: a name and a title, not a paragraph. */
export const maxAttributionLength = 300

/** An attribution as stored: a single line of plain text, or '' for none. */
export function toAttribution(value: unknown): string {
  return cleanLine(value, maxAttributionLength)
}

/** The attribution line under a quote: “— Name”, without doubling a dash the writer typed. */
export function attributionLine(attribution: string): string {
  return /^[—–-]/.test(attribution) ? attribution : `— ${attribution}`
}

/** The innermost block quote around the cursor: where it starts and its attribution. */
export function quoteAtSelection(state: EditorState): { pos: number; attribution: string } | null {
  const { $from } = state.selection
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth)
    if (node.type.name === 'blockquote') return { pos: $from.before(depth), attribution: toAttribution(node.attrs.attribution) }
  }
  return null
}

function captionText(element: HTMLElement): string {
  const caption = element.matches('figure') ? element.querySelector(':scope > figcaption') : null
  return toAttribution(caption?.textContent?.replace(/^\s*[—–-]\s*/, '') ?? '')
}

/**
 * A block quote that may name its source. With an attribution it is rendered as
 * `<figure class="quote"><blockquote>…</blockquote><figcaption class="attribution">— Name</figcaption></figure>`
 * (the source sits outside the quoted words, as HTML asks); without one as a plain `<blockquote>`.
 */
export const QuoteBlock = Blockquote.extend({
  addAttributes() {
    return {
      attribution: {
        default: '',
        rendered: false,
        parseHTML: captionText,
      },
    }
  },

  parseHTML() {
    return [
      {
        tag: 'figure.quote',
        getAttrs: (element) => (element.querySelector(':scope > blockquote') ? null : false),
        contentElement: (element) => element.querySelector(':scope > blockquote') ?? element,
      },
      { tag: 'blockquote' },
    ]
  },

  // HTMLAttributes: only a suggestion's, in the desk (lib/story-schema/whole-blocks.ts).
  renderHTML({ node, HTMLAttributes }) {
    const attribution = toAttribution(node.attrs.attribution)
    if (attribution === '') return ['blockquote', HTMLAttributes, 0]
    return [
      'figure',
      mergeAttributes(HTMLAttributes, { class: 'quote' }),
      ['blockquote', 0],
      ['figcaption', { class: 'attribution' }, attributionLine(attribution)],
    ]
  },

  addCommands() {
    return {
      ...this.parent?.(),
      setAttribution:
        (attribution) =>
        ({ state, tr, dispatch }) => {
          const quote = quoteAtSelection(state)
          if (!quote) return false
          if (dispatch) tr.setNodeAttribute(quote.pos, 'attribution', toAttribution(attribution))
          return true
        },
    }
  },

  // In the editor the attribution is shown but edited in the toolbar's "Attribution" field, so it
  // sits outside the editable text.
  addNodeView() {
    return ({ node: initial, HTMLAttributes }) => {
      const dom = document.createElement('figure')
      dom.className = 'quote editor-quote'
      // A suggestion's class and title (lib/story-schema/whole-blocks.ts): a new one makes the view again.
      for (const [name, value] of Object.entries(HTMLAttributes)) {
        if (typeof value === 'string') dom.setAttribute(name, name === 'class' ? `${dom.className} ${value}` : value)
      }
      const contentDOM = document.createElement('blockquote')
      const caption = document.createElement('figcaption')
      caption.className = 'attribution'
      caption.contentEditable = 'false'
      dom.append(contentDOM, caption)
      const show = (attribution: string) => {
        caption.textContent = attribution === '' ? '' : attributionLine(attribution)
        caption.hidden = attribution === ''
      }
      show(toAttribution(initial.attrs.attribution))
      return {
        dom,
        contentDOM,
        update: (node) => {
          const isSameSuggestion = node.attrs.suggested === initial.attrs.suggested && node.attrs.id === initial.attrs.id
          if (node.type !== initial.type || !isSameSuggestion) return false
          show(toAttribution(node.attrs.attribution))
          return true
        },
        ignoreMutation: (mutation) => !contentDOM.contains(mutation.target),
      }
    }
  },
})
