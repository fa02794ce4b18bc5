import { Node } from '@tiptap/core'

export type PullQuoteOptions = {
  /** The class of the `<aside>` it is rendered as; the site's stylesheet styles it. */
  className: string
  /** The aside's accessible name: a screen reader announces the words as a pull quote, not as story text. */
  label: string
}

/** The key that turns the paragraph at the cursor into a pull quote and back (⌘⌥P, Ctrl+Alt+P). */
export const pullQuoteShortcut = 'Mod-Alt-p'

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
 * `<aside class="pull-quote" aria-label="Pull quote"><p>…</p></aside>`.
 */
export const PullQuote = Node.create<PullQuoteOptions>({
  name: 'pullQuote',
  group: 'block',
  content: 'text*',
  marks: '',
  defining: true,

  addOptions() {
    return { className: 'pull-quote', label: 'Pull quote' }
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
    return ['aside', { class: this.options.className, 'aria-label': this.options.label }, ['p', 0]]
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

  addKeyboardShortcuts() {
    return { [pullQuoteShortcut]: () => this.editor.commands.togglePullQuote() }
  },
})
