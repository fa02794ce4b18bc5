import { Node } from '@tiptap/core'

export type PullQuoteOptions = {
  /** The class of the `<aside>` it is rendered as; the site's stylesheet styles it. */
  className: string
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    pullQuote: {
      /** Turns the paragraph at the cursor into a pull quote. */
      setPullQuote: () => ReturnType
      /** Turns the paragraph at the cursor into a pull quote, or a pull quote back into a paragraph. */
      togglePullQuote: () => ReturnType
    }
  }
}

/**
 * A line from the story set large beside it: plain text, no formatting, rendered as
 * `<aside class="pull-quote"><p>…</p></aside>`.
 */
export const PullQuote = Node.create<PullQuoteOptions>({
  name: 'pullQuote',
  group: 'block',
  content: 'text*',
  marks: '',
  defining: true,

  addOptions() {
    return { className: 'pull-quote' }
  },

  parseHTML() {
    return [
      {
        tag: `aside.${this.options.className}`,
        contentElement: (element) => element.querySelector('p') ?? element,
      },
    ]
  },

  renderHTML() {
    return ['aside', { class: this.options.className }, ['p', 0]]
  },

  addCommands() {
    return {
      setPullQuote:
        () =>
        ({ commands }) =>
          commands.setNode(this.name),
      togglePullQuote:
        () =>
        ({ commands }) =>
          commands.toggleNode(this.name, 'paragraph'),
    }
  },
})
