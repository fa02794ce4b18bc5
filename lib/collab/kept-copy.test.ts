import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { doc, p, storyDraft, text } from '@/test/story-docs'
import { keptCopyOf, keptCopyOfText, keptDocOf, readSharedParts, takeKeptCopy, writeSharedParts } from './kept-copy'
import type { SharedParts } from './shared-parts'

// A browser's copy of the shared typing the sync server did not get, taken into the shared
// document when the story next opens (components/desk/use-kept-copy.ts).

const fields = storyDraft()
const start = 'The storm closes the harbour.'
const opened: SharedParts = { headline: 'Storm warning', standfirst: '', body: doc(p(text(start))) }
const withParagraphs = (...paragraphs: string[]): SharedParts => ({ ...opened, body: doc(...paragraphs.map((words) => p(text(words)))) })

/** A document holding `parts`, as the sync server builds one from a revision. */
function documentOf(parts: SharedParts): Y.Doc {
  const built = new Y.Doc()
  writeSharedParts(built, parts, null)
  return built
}

/** A copy of `document`, synced. */
function copyOf(document: Y.Doc): Y.Doc {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(document))
  return copy
}

/** The server's document and a browser that typed `typed` into it cut off, with the copy it kept. */
function cutOffTyping(typed: SharedParts) {
  const server = documentOf(opened)
  const browser = copyOf(server)
  const sentVector = Y.encodeStateVector(browser)
  writeSharedParts(browser, typed, 'typing')
  return { server, browser, copy: keptCopyOf(browser, sentVector, opened) }
}

/** The words of a body, paragraph by paragraph. */
const paragraphs = (document: Y.Doc) =>
  (readSharedParts(document).body.content ?? []).map((block) => (block.content ?? []).map((node) => node.text).join(''))

describe('a kept copy, when the story next opens on the sync server', () => {
  it('changes nothing when the document already holds it (stored before the page went)', () => {
    const { server, browser, copy } = cutOffTyping(withParagraphs(start, 'Ferries stay in port.'))
    Y.applyUpdate(server, Y.encodeStateAsUpdate(browser))
    // Someone goes on typing in the same paragraph: the copy must not bring back an older version of it.
    writeSharedParts(server, withParagraphs(start, 'Ferries stay in port tonight.'), 'other')
    expect(takeKeptCopy(copy, server, fields, 'kept-copy')).toBe('held')
    expect(paragraphs(server)).toEqual([start, 'Ferries stay in port tonight.'])
  })

  it('replays words deleted while cut off, which add nothing to what the document is known to hold', () => {
    const { server, copy } = cutOffTyping(withParagraphs('The storm closes harbour.'))
    expect(copy.vector).toEqual(copy.sentVector)
    writeSharedParts(server, withParagraphs(`${start} Winds reach 90 km/h.`), 'other')
    expect(takeKeptCopy(copy, server, fields, 'kept-copy')).toBe('replayed')
    expect(paragraphs(server)).toEqual(['The storm closes harbour. Winds reach 90 km/h.'])
  })

  it('replays its changes into the document it was made from: typing into the paragraph another person typed into keeps both, keystroke by keystroke', () => {
    const { server, copy } = cutOffTyping(withParagraphs(`${start} Ferries stay in port.`))
    writeSharedParts(server, withParagraphs(`${start} Winds reach 90 km/h.`), 'other')
    expect(takeKeptCopy(copy, server, fields, 'kept-copy')).toBe('replayed')
    const [paragraph, ...more] = paragraphs(server)
    expect(more).toEqual([])
    expect(paragraph?.startsWith(start)).toBe(true)
    for (const words of [' Ferries stay in port.', ' Winds reach 90 km/h.']) expect(paragraph?.split(words)).toHaveLength(2)
  })

  it('merges its text, once, into a document the server rebuilt from a revision, where its Yjs changes would double the text', () => {
    const { browser, copy } = cutOffTyping(withParagraphs(start, 'Ferries stay in port.'))
    // The stored document is gone: the server builds a new one from the story's revision, which another person's save changed.
    const rebuilt = documentOf(withParagraphs(start, 'Schools close.'))
    const raw = copyOf(rebuilt)
    Y.applyUpdate(raw, Y.encodeStateAsUpdate(browser))
    expect(paragraphs(raw).filter((words) => words === start)).toHaveLength(2)

    expect(takeKeptCopy(copy, rebuilt, fields, 'kept-copy')).toBe('merged')
    // Paragraphs both added: the document's first, then the copy's (lib/block-merge.ts).
    expect(paragraphs(rebuilt)).toEqual([start, 'Schools close.', 'Ferries stay in port.'])
  })

  it('changes nothing in a rebuilt document whose revision already holds the copy’s typing (saved another way)', () => {
    const { copy } = cutOffTyping(withParagraphs(start, 'Ferries stay in port.'))
    const rebuilt = documentOf(withParagraphs(start, 'Ferries stay in port.'))
    expect(takeKeptCopy(copy, rebuilt, fields, 'kept-copy')).toBe('held')
    expect(paragraphs(rebuilt)).toEqual([start, 'Ferries stay in port.'])
  })

  it('goes in with what was typed into it after a reload, before the server answered: every word of both people once', () => {
    const { server, copy } = cutOffTyping(withParagraphs(`${start} Ferries stay in port.`))
    // Reloaded while still cut off, the page types on into the document the copy was made from, and keeps it again.
    const reopened = keptDocOf(copy)
    expect(readSharedParts(reopened)).toEqual(copy.parts)
    writeSharedParts(
      reopened,
      { ...withParagraphs(`${start} Ferries stay in port. Schools close.`), headline: 'Storm warning tonight' },
      'typing',
    )
    const again = keptCopyOf(reopened, copy.sentVector, copy.base)
    writeSharedParts(server, withParagraphs(`${start} Winds reach 90 km/h.`), 'other')

    expect(takeKeptCopy(again, server, fields, 'kept-copy')).toBe('replayed')
    expect(readSharedParts(server).headline).toBe('Storm warning tonight')
    const [paragraph, ...more] = paragraphs(server)
    expect(more).toEqual([])
    for (const words of [start, ' Ferries stay in port.', ' Schools close.', ' Winds reach 90 km/h.'])
      expect(paragraph?.split(words)).toHaveLength(2)
    // Taken again (the page reloaded before the device copy was dropped), it changes nothing.
    expect(takeKeptCopy(again, server, fields, 'kept-copy')).toBe('held')
  })

  it('merges what was typed into it after a reload as text, once, into a document the server rebuilt', () => {
    const { copy } = cutOffTyping(withParagraphs(start, 'Ferries stay in port.'))
    const reopened = keptDocOf(copy)
    writeSharedParts(reopened, withParagraphs(start, 'Ferries stay in port.', 'Schools close.'), 'typing')
    const again = keptCopyOf(reopened, copy.sentVector, copy.base)
    const rebuilt = documentOf(withParagraphs(start))
    expect(takeKeptCopy(again, rebuilt, fields, 'kept-copy')).toBe('merged')
    expect(paragraphs(rebuilt)).toEqual([start, 'Ferries stay in port.', 'Schools close.'])
  })

  it('takes a copy kept by an older build, which holds only its text, as text, once, and what was typed into it after a reload too', () => {
    const { server, copy } = cutOffTyping(withParagraphs(start, 'Ferries stay in port.'))
    const older = keptCopyOfText(copy.parts, copy.base, copy.keptAt)
    writeSharedParts(server, withParagraphs(start, 'Schools close.'), 'other')
    const reopened = keptDocOf(older)
    expect(readSharedParts(reopened)).toEqual(copy.parts)
    writeSharedParts(reopened, withParagraphs(start, 'Ferries stay in port.', 'Roads shut.'), 'typing')
    expect(takeKeptCopy(keptCopyOf(reopened, older.sentVector, older.base), server, fields, 'kept-copy')).toBe('merged')
    expect(paragraphs(server)).toEqual([start, 'Schools close.', 'Ferries stay in port.', 'Roads shut.'])
  })
})
