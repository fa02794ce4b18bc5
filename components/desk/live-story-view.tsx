'use client'

import type { Editor } from '@tiptap/core'
import { type ReactNode, useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import type { RichTextDoc } from '@/db/schema'
import { StoryBodyEditor } from '@/components/editor/story-body-editor'
import { documentParts } from '@/lib/collab/paths'
import type { FieldValues } from '@/lib/collab/story-fields'
import { CommentsRail, type StoryComments } from './comments-rail'
import { sharingCode } from './sharing-code'
import { type DetailNames, StoryDetails } from './story-details'
import { useStoryCollab } from './use-story-collab'

type LiveStoryViewProps = {
  articleId: number
  /** Whether this browser writes together (the `copydesk-write-together` cookie is not `off`). */
  canWriteTogether: boolean
  /** The story as its latest revision has it: the body the editor starts with, and the other fields until the shared ones arrive. */
  story: { fields: FieldValues; body: RichTextDoc }
  names: DetailNames
  comments: StoryComments
  /** The rendered latest revision: shown while connecting, and instead when the sync server cannot be reached. */
  children: ReactNode
}

/**
 * The story for someone who may read it but not change it: the shared document's headline,
 * standfirst, body and other fields as others change them, others' carets included, with nothing to edit. Until
 * the shared story is there, and when the sync server cannot be reached, the rendered revision.
 */
export function LiveStoryView({ articleId, canWriteTogether, story, names, comments, children }: LiveStoryViewProps) {
  const collab = useStoryCollab(articleId, canWriteTogether)
  const [editor, setEditor] = useState<Editor | null>(null)
  const shared = collab.kind === 'shared' ? collab.story : null
  const headline = useSharedText(shared?.doc ?? null, documentParts.headline)
  const standfirst = useSharedText(shared?.doc ?? null, documentParts.standfirst)
  const fields = useSharedFieldValues(shared?.doc ?? null, story.fields)
  const awareness = shared?.provider.awareness
  if (!shared || !awareness) return children
  return (
    <article className="story-preview">
      <p className="muted small" role="status" aria-label="Live view">
        Live: changes others make appear here as they type.
      </p>
      <h2>{headline}</h2>
      <p className="standfirst">{standfirst}</p>
      <StoryDetails values={fields} names={names} />
      <div className="body-with-comments">
        <StoryBodyEditor
          collaboration={{ doc: shared.doc, awareness, provider: shared.provider, user: shared.user }}
          isReadOnly
          label="Story body"
          initialContent={story.body}
          onReady={setEditor}
        />
        <CommentsRail articleId={articleId} editor={editor} comments={comments} />
      </div>
    </article>
  )
}

/** The text of the shared document's `name` part, kept current as others type. */
function useSharedText(doc: Y.Doc | null, name: string): string {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => undefined
      const text = doc.getText(name)
      text.observe(onChange)
      return () => text.unobserve(onChange)
    },
    [doc, name],
  )
  return useSyncExternalStore(
    subscribe,
    () => doc?.getText(name).toString() ?? '',
    () => '',
  )
}

/** The story's other fields: the shared document's `fields` map over the revision's, kept current as others change them. */
function useSharedFieldValues(doc: Y.Doc | null, revision: FieldValues): FieldValues {
  const [values, setValues] = useState(revision)
  useEffect(() => {
    if (!doc) return
    const { fieldMapOf, readFieldValues } = sharingCode()
    const map = fieldMapOf(doc)
    // The sync server only lets into the map what fits each field (lib/collab/field-guard.ts).
    const read = () => setValues({ ...revision, ...(readFieldValues(map) as Partial<FieldValues>) })
    read()
    map.observe(read)
    return () => map.unobserve(read)
  }, [doc, revision])
  return values
}
