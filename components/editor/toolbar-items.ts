import type { Editor } from '@tiptap/core'
import { horizontalRuleShortcut } from '@/lib/story-schema/nodes/horizontal-rule'
import { pullQuoteShortcut } from '@/lib/story-schema/nodes/pull-quote'
import { leftAloneSince } from './others-elsewhere'
import type { PanelKind } from './panel'

export type ToolbarState = Record<
  | 'bold'
  | 'italic'
  | 'underline'
  | 'strike'
  | 'h2'
  | 'h3'
  | 'h4'
  | 'bulletList'
  | 'orderedList'
  | 'blockquote'
  | 'pullQuote'
  | 'link'
  | 'figure'
  | 'embed'
  | 'hasSelection'
  | 'canUndo'
  | 'canRedo',
  boolean
>

/** What the toolbar shows about the cursor's position. */
export function readToolbarState(editor: Editor): ToolbarState {
  const since = leftAloneSince(editor.state)
  const last = lastRead.get(editor)
  // Other people's keys after the caret, and their carets moving, change none of the buttons.
  if (since && last?.since === since) return last.read
  const read = readAtSelection(editor)
  if (since) lastRead.set(editor, { since, read })
  return read
}

/** The toolbar state last read for each editor writing together, and the selection's `leftAloneSince` then. */
const lastRead = new WeakMap<Editor, { since: object; read: ToolbarState }>()

function readAtSelection(editor: Editor): ToolbarState {
  // Read on every transaction: one dry run of the commands for both, not one each.
  const can = editor.can()
  return {
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    underline: editor.isActive('underline'),
    strike: editor.isActive('strike'),
    h2: editor.isActive('heading', { level: 2 }),
    h3: editor.isActive('heading', { level: 3 }),
    h4: editor.isActive('heading', { level: 4 }),
    bulletList: editor.isActive('bulletList'),
    orderedList: editor.isActive('orderedList'),
    blockquote: editor.isActive('blockquote'),
    pullQuote: editor.isActive('pullQuote'),
    link: editor.isActive('link'),
    figure: editor.isActive('figure'),
    embed: editor.isActive('embed'),
    hasSelection: !editor.state.selection.empty,
    canUndo: can.undo(),
    canRedo: can.redo(),
  }
}

export type ToolbarItem = {
  label: string
  /** What the button shows; the label is its accessible name. */
  glyph: string
  /**
   * Its keyboard shortcut as a TipTap key binding, shown in the button's title and
   * `aria-keyshortcuts`. The editor's extensions bind it (see toolbar-items.test.ts).
   */
  keys: string
  /** A toggle: its pressed state. */
  pressed?: (state: ToolbarState) => boolean
  /** Not a toggle, but shown as active (the cursor is in a link). */
  isActive?: (state: ToolbarState) => boolean
  /** Opens a panel instead of acting at once. */
  panel?: PanelKind
  isDisabled?: (state: ToolbarState) => boolean
  run?: (editor: Editor) => void
}

/** The toolbar's buttons, in groups, in the order they are shown. */
export const toolbarGroups: readonly (readonly ToolbarItem[])[] = [
  [
    { label: 'Bold', glyph: 'B', keys: 'Mod-b', pressed: (s) => s.bold, run: (e) => e.chain().focus().toggleBold().run() },
    { label: 'Italic', glyph: 'I', keys: 'Mod-i', pressed: (s) => s.italic, run: (e) => e.chain().focus().toggleItalic().run() },
    { label: 'Underline', glyph: 'U', keys: 'Mod-u', pressed: (s) => s.underline, run: (e) => e.chain().focus().toggleUnderline().run() },
    {
      label: 'Strikethrough',
      glyph: 'S',
      keys: 'Mod-Shift-s',
      pressed: (s) => s.strike,
      run: (e) => e.chain().focus().toggleStrike().run(),
    },
    { label: 'Link', glyph: 'Link', keys: 'Mod-k', isActive: (s) => s.link, panel: 'link' },
    { label: 'Comment', glyph: 'Comment', keys: 'Mod-Alt-k', isDisabled: (s) => !s.hasSelection, panel: 'comment' },
  ],
  [
    {
      label: 'Heading 2',
      glyph: 'H2',
      keys: 'Mod-Alt-2',
      pressed: (s) => s.h2,
      run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
    },
    {
      label: 'Heading 3',
      glyph: 'H3',
      keys: 'Mod-Alt-3',
      pressed: (s) => s.h3,
      run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
    },
    {
      label: 'Heading 4',
      glyph: 'H4',
      keys: 'Mod-Alt-4',
      pressed: (s) => s.h4,
      run: (e) => e.chain().focus().toggleHeading({ level: 4 }).run(),
    },
  ],
  [
    {
      label: 'Bulleted list',
      glyph: '• List',
      keys: 'Mod-Shift-8',
      pressed: (s) => s.bulletList,
      run: (e) => e.chain().focus().toggleBulletList().run(),
    },
    {
      label: 'Numbered list',
      glyph: '1. List',
      keys: 'Mod-Shift-7',
      pressed: (s) => s.orderedList,
      run: (e) => e.chain().focus().toggleOrderedList().run(),
    },
    {
      label: 'Block quote',
      glyph: '“Quote”',
      keys: 'Mod-Shift-b',
      pressed: (s) => s.blockquote,
      run: (e) => e.chain().focus().toggleBlockquote().run(),
    },
    {
      label: 'Pull quote',
      glyph: 'Pull quote',
      keys: pullQuoteShortcut,
      pressed: (s) => s.pullQuote,
      run: (e) => e.chain().focus().togglePullQuote().run(),
    },
  ],
  [
    { label: 'Figure', glyph: 'Figure', keys: 'Mod-Alt-f', isActive: (s) => s.figure, panel: 'figure' },
    { label: 'Embed', glyph: 'Embed', keys: 'Mod-Alt-e', isActive: (s) => s.embed, panel: 'embed' },
    { label: 'Horizontal rule', glyph: '―', keys: horizontalRuleShortcut, run: (e) => e.chain().focus().setHorizontalRule().run() },
  ],
  [
    { label: 'Undo', glyph: '↶', keys: 'Mod-z', isDisabled: (s) => !s.canUndo, run: (e) => e.chain().focus().undo().run() },
    { label: 'Redo', glyph: '↷', keys: 'Mod-Shift-z', isDisabled: (s) => !s.canRedo, run: (e) => e.chain().focus().redo().run() },
  ],
]

export const toolbarItems: readonly ToolbarItem[] = toolbarGroups.flat()

/** The shortcuts that open a panel (the editor binds them, see panel-shortcuts.ts). */
export const panelShortcuts: readonly { keys: string; panel: PanelKind }[] = toolbarItems.flatMap((item) =>
  item.panel ? [{ keys: item.keys, panel: item.panel }] : [],
)
