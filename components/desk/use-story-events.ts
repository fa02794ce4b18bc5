'use client'

import { useEffect, useRef, useState } from 'react'
import { z } from 'zod'
import type { OtherVersion, StoryDraft } from '@/lib/story-draft'

// The story's events (GET /desk/articles/[id]/events, lib/story-events.ts): someone saved it, and
// who else has it open. The browser's EventSource opens the stream again by itself when it drops.

const otherVersionSchema = z.object({
  version: z.number().int().positive(),
  revisionNumber: z.number().int().positive(),
  savedBy: z.string(),
  savedAt: z.string(),
  draft: z.custom<StoryDraft>((value) => typeof value === 'object' && value !== null && 'headline' in value && 'body' in value),
})
const presenceSchema = z.object({ others: z.array(z.string()) })

type Options = { articleId: number; version: number; onChanged: (other: OtherVersion) => void }

/** Listens to the story's events while the form is open; answers the others who have it open (null until told). */
export function useStoryEvents({ articleId, version, onChanged }: Options): string[] | null {
  const [others, setOthers] = useState<string[] | null>(null)
  const changed = useRef(onChanged)
  useEffect(() => {
    changed.current = onChanged
  }, [onChanged])
  // The version the page opened with: later saves are told as they come.
  const [since] = useState(version)

  useEffect(() => {
    const source = new EventSource(`/desk/articles/${articleId}/events?version=${since}`)
    const read = <T>(schema: z.ZodType<T>, event: MessageEvent<string>, handle: (value: T) => void) => {
      try {
        const parsed = schema.safeParse(JSON.parse(event.data))
        if (parsed.success) handle(parsed.data)
      } catch {
        // A garbled event is dropped; the next one says the same or more.
      }
    }
    source.addEventListener('changed', (event) => read(otherVersionSchema, event, (other) => changed.current(other)))
    source.addEventListener('presence', (event) => read(presenceSchema, event, ({ others: names }) => setOthers(names)))
    return () => source.close()
  }, [articleId, since])

  return others
}
