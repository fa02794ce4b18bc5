'use client'

import './editor.css'
import './suggestions.css'
import type { Editor } from '@tiptap/core'
import type { EditorView } from '@tiptap/pm/view'
import { EditorContent, useEditor } from '@tiptap/react'
import { useCallback, useEffect, useId, useRef, useState } from 'react'
import type { RichTextDoc } from '@/db/schema'
import { sharedStoryExtensions, storyExtensions } from '@/lib/story-schema/extensions'
import type { MediaOption } from '@/lib/media/types'
import { AttributionField } from './attribution-field'
import { type AddComment, CommentPanel } from './comment-panel'
import { CommentHighlights } from './comment-highlights'
import { EmbedPanel } from './embed-panel'
import { FigurePanel } from './figure-panel'
import { LinkPanel } from './link-panel'
import type { PanelKind } from './panel'
import { CaretMemory } from './caret-memory'
import { collabBinding } from './collab-binding'
import type { BodyCollaboration } from './collaboration'
import { isLoadedBody, loadBody } from './load-body'
import { useCaretPanel } from './use-caret-panel'
import { toFigureAttributes } from '@/lib/story-schema/nodes/figure'
import { PanelShortcuts } from './panel-shortcuts'
import { cleanPastedHtml, cleanPastedText } from './paste'
import { Typography } from './typography'
import { uploadImage } from './upload-image'
import { Toolbar } from './toolbar'
import type { Suggester } from './suggest-changes'
import { type RefusedEdit, SuggestMode, setSuggesting } from './suggest-mode'
import { SuggestToggle } from './suggest-toggle'
import { whenPageLeaves } from '@/components/ui/page-leave'
import { isHandedOverAtOnce } from './hand-over'
import { pageNonce } from './page-nonce'

export type StoryBodyEditorProps = {
  /** The id of the editable area. */
  id?: string
  /** The editable area's accessible name. */
  label: string
  /** The body the editor starts with. Read once: another body comes through `loaded`. */
  initialContent: RichTextDoc
  /**
   * A body from outside (another person's save, a merge): put in place of the editor's own as a
   * change to the part that differs, the caret kept (load-body.ts). A new object loads again.
   */
  loaded?: { doc: RichTextDoc } | null
  /**
   * Receives the body after the writer pauses (about a third of a second without a change), when
   * the editor loses the focus, and when the page is hidden or closed: never once per keystroke.
   * A read-only view has none.
   */
  onChange?: (doc: RichTextDoc) => void
  /** Images from the media library the writer can insert as figures. */
  figures?: MediaOption[]
  /** Writes a comment on the selected words (the Comment button); without it, commenting is refused. */
  addComment?: AddComment
  /** Hands over the editor once it exists: the comments beside the text follow and select its words. */
  onReady?: (editor: Editor) => void
  /**
   * Writes the body together with others (lib/collab/): the body is the shared document's, not
   * `initialContent`, and undo takes back only this person's changes. Another document given later
   * (the shared story, after a copy kept on this device) is moved to in the same editor, the caret,
   * focus and suggestion mode kept, in an effect (after the parent's layout effects have put the
   * copy into it); to write alone instead, or the other way, the parent gives the editor a new key.
   */
  collaboration?: BodyCollaboration | null
  /** Shows the text without letting it be changed (someone who may read the story but not edit it). */
  isReadOnly?: boolean
  /**
   * Who this is, for suggestion mode, whether it starts on (the newsroom's setting,
   * lib/suggestion-mode.ts), and whether they may accept and reject others' suggestions.
   */
  suggesting?: { who: Suggester; startsOn: boolean; mayReview: boolean } | null
}

/** What the editor says when an edit is not made (components/editor/suggest-mode.ts). */
const refusedEditNotes: Record<RefusedEdit, string> = {
  'not-a-suggestion':
    'That change cannot be a suggestion: turn Suggest changes off to make it. Words, paragraphs, formatting, links, headings, lists, block quotes, rules, figures and embeds (their captions and images too) can be suggested.',
  'settles-others':
    'Only editors can accept or reject someone else’s suggestion: turn Suggest changes on to suggest a change to those words.',
}

/** How long the editor waits after a change before handing the body over. */
const changeDelayMs = 300

/**
 * The story body editor: TipTap with the newsroom's blocks. Typing does not re-render React (the
 * toolbar subscribes to the few things it shows), and the document is serialised only when
 * `onChange` is due, so a long story stays fluid.
 */
export function StoryBodyEditor(props: StoryBodyEditorProps) {
  const {
    id,
    label,
    initialContent,
    loaded,
    onChange,
    figures = [],
    addComment,
    onReady,
    collaboration,
    isReadOnly = false,
    suggesting,
  } = props
  const baseId = useId()
  const [uploadNote, setUploadNote] = useState<string | null>(null)
  const onChangeRef = useRef(onChange)
  const editorRef = useRef<Editor | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const isDirty = useRef(false)
  const frame = useRef<HTMLDivElement>(null)
  const { panel, open: openPanel, close, cancel } = useCaretPanel(editorRef, frame)
  const isReadOnlyRef = useRef(isReadOnly)

  useEffect(() => {
    onChangeRef.current = onChange
  }, [onChange])

  // Before the editor's own options are updated, so that the attributes it recomputes say it.
  useEffect(() => {
    isReadOnlyRef.current = isReadOnly
  }, [isReadOnly])

  const flush = useCallback(() => {
    clearTimeout(timer.current)
    timer.current = undefined
    const current = editorRef.current
    if (!isDirty.current || !current || current.isDestroyed) return
    isDirty.current = false
    onChangeRef.current?.(current.getJSON() as RichTextDoc)
  }, [])

  // Created once, so that re-rendering does not hand ProseMirror new props.
  const [editorProps] = useState(() => ({
    attributes: () => ({
      ...(id ? { id } : {}),
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-label': label,
      // Read-only, assistive technology says so (ProseMirror's contenteditable="false" is not enough).
      ...(isReadOnlyRef.current ? { 'aria-readonly': 'true' } : {}),
      // The story's own stylesheet (.story-body) styles the text as readers will see it.
      class: 'editor-prose story-body',
    }),
    transformPastedHTML: cleanPastedHtml,
    transformPastedText: cleanPastedText,
    // Image files pasted or dropped into the body go to the media library and come back as figures.
    handlePaste: (view: EditorView, event: ClipboardEvent) =>
      insertImageFiles(view, event.clipboardData?.files, view.state.selection.from, setUploadNote),
    handleDrop: (view: EditorView, event: DragEvent, _slice: unknown, moved: boolean) =>
      !moved &&
      insertImageFiles(view, event.dataTransfer?.files, view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos, setUploadNote),
    handleDOMEvents: {
      // The links on embed cards and in the text are for readers; a click here must not leave the page.
      click: (_view: unknown, event: MouseEvent) => {
        if (event.target instanceof Element && event.target.closest('a')) event.preventDefault()
        return false
      },
    },
  }))

  // The toolbar's Link, Figure and Embed shortcuts open their panels at the caret.
  const [extensions] = useState(() => [
    ...(collaboration ? sharedStoryExtensions : storyExtensions),
    Typography,
    CaretMemory,
    CommentHighlights,
    SuggestMode,
    PanelShortcuts.configure({ open: openPanel }),
    ...(collaboration ? collabBinding().collaborationExtensions(collaboration) : []),
  ])

  const editor = useEditor({
    extensions,
    // Written together, the body comes from the shared document: content given here would be added to it.
    ...(collaboration ? {} : { content: initialContent }),
    editable: !isReadOnly,
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    // TipTap's "delete" events, worked out after every change (a timer and the change's steps
    // combined, on each key): nothing here listens to them.
    enableCoreExtensions: { delete: false },
    // TipTap adds a <style> of its own; the desk's CSP allows styles only with the page's nonce.
    injectNonce: pageNonce(),
    editorProps,
    onCreate: ({ editor: created }) => {
      editorRef.current = created
      created.storage.suggestMode.onRefused = (why) => setUploadNote(refusedEditNotes[why])
      created.storage.suggestMode.mayReview = suggesting?.mayReview ?? true
      if (suggesting) setSuggesting(created, suggesting.startsOn, suggesting.who)
      onReady?.(created)
    },
    onUpdate: ({ editor: updated, transaction }) => {
      editorRef.current = updated
      // A body loaded from outside is already the form's: nothing to hand back.
      if (isLoadedBody(transaction)) return
      isDirty.current = true
      if (isHandedOverAtOnce(transaction)) return flush()
      clearTimeout(timer.current)
      timer.current = setTimeout(flush, changeDelayMs)
    },
    onBlur: () => flush(),
  })

  useEffect(() => {
    if (editor && loaded) loadBody(editor, loaded.doc)
  }, [editor, loaded])

  useEffect(() => {
    if (editor && collaboration) collabBinding().moveCollaboration(editor, collaboration)
  }, [editor, collaboration])

  useEffect(() => {
    const stopListening = whenPageLeaves(flush)
    return () => {
      stopListening()
      // A pending change is not handed over on unmount: the parent is leaving or loading another body.
      clearTimeout(timer.current)
    }
  }, [flush])

  const panelId = useCallback((kind: PanelKind) => `${baseId}-${kind}`, [baseId])
  const panelProps = editor && panel ? { id: panelId(panel.kind), editor, onClose: close, onCancel: cancel } : null

  return (
    <div className="editor" ref={frame}>
      {/* Read-only, there are no tools to show; while the editor loads, their place is kept. */}
      {!isReadOnly && (
        <div className="editor-header">
          {editor ? (
            <>
              <Toolbar
                editor={editor}
                openPanel={panel?.kind ?? null}
                panelId={panelId}
                onOpenPanel={(kind) => (panel?.kind === kind ? cancel() : openPanel(kind))}
              />
              <AttributionField id={`${baseId}-attribution`} editor={editor} />
              {suggesting && <SuggestToggle editor={editor} who={suggesting.who} />}
            </>
          ) : (
            <div className="editor-toolbar editor-toolbar-loading" aria-hidden="true" />
          )}
        </div>
      )}
      {panel && panelProps && (
        <div className="editor-popover" style={{ top: panel.top }}>
          {panel.kind === 'link' && <LinkPanel {...panelProps} />}
          {panel.kind === 'figure' && <FigurePanel {...panelProps} figures={figures} />}
          {panel.kind === 'embed' && <EmbedPanel {...panelProps} />}
          {panel.kind === 'comment' && <CommentPanel {...panelProps} addComment={addComment} />}
        </div>
      )}
      {uploadNote && (
        <p className="editor-hint" role="status">
          {uploadNote}
        </p>
      )}
      <EditorContent editor={editor} className="editor-content" />
    </div>
  )
}

/**
 * Uploads the image files among `files` and inserts each as a figure at `position`. Returns
 * whether it took the event (there were images), so ProseMirror leaves it alone.
 */
function insertImageFiles(
  view: EditorView,
  files: FileList | undefined,
  position: number | undefined,
  tell: (note: string | null) => void,
): boolean {
  const images = Array.from(files ?? []).filter((file) => file.type.startsWith('image/') || file.type === '')
  if (images.length === 0) return false
  void (async () => {
    for (const file of images) {
      tell(`Uploading ${file.name || 'the image'}…`)
      const answer = await uploadImage(file)
      if (!answer.ok) {
        tell(answer.message)
        continue
      }
      const attributes = toFigureAttributes({ ...answer.figure, kind: 'photo' })
      const figureType = view.state.schema.nodes.figure
      if (!attributes || !figureType || view.isDestroyed) continue
      const at = Math.min(position ?? view.state.selection.from, view.state.doc.content.size)
      view.dispatch(view.state.tr.insert(at, figureType.create(attributes)))
      tell(answer.notice ?? 'Image added as a figure: select it and choose Figure to add its caption and credit.')
    }
  })()
  return true
}
