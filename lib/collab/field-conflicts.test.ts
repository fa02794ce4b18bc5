import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type FieldConflict, watchFieldConflicts } from './field-conflicts'
import { fieldMapOf } from './story-fields'

// Two or three people's copies of one shared story, each a real Y.Doc, that exchange their updates
// as the sync server passes them on: the person cut off sends theirs when they are back.

type Person = { doc: Y.Doc; map: Y.Map<unknown>; conflicts: FieldConflict[] }

function person(clientID: number, from?: Person): Person {
  const doc = new Y.Doc()
  doc.clientID = clientID
  if (from) Y.applyUpdate(doc, Y.encodeStateAsUpdate(from.doc))
  const map = fieldMapOf(doc)
  const conflicts: FieldConflict[] = []
  watchFieldConflicts(map, { onConflict: (conflict) => conflicts.push(conflict) })
  return { doc, map, conflicts }
}

/** Sends `from` what `to` lacks, in one update, as a reconnect does. */
function send(from: Person, to: Person): void {
  Y.applyUpdate(to.doc, Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(to.doc)), 'sync server')
}

type Order = 'the one cut off sends first' | 'the one online sends first'

/** The one cut off is back: each sends the other what they lack, in `order`. */
function meet(cutOff: Person, online: Person, order: Order): void {
  const [first, second] = order === 'the one cut off sends first' ? [cutOff, online] : [online, cutOff]
  send(first, second)
  send(second, first)
}

/** Types `value` into the field as the form does, one whole value per keystroke. */
function type(who: Person, field: string, value: string): void {
  for (let end = 1; end <= value.length; end += 1) who.doc.transact(() => who.map.set(field, value.slice(0, end)), who)
}

/** Two people on a story whose SEO title and slug are set; the first has the lower client id. */
function twoOnAStory() {
  const first = person(1)
  first.doc.transact(() => {
    first.map.set('seoTitle', 'Ferry')
    first.map.set('slug', 'ferry')
  })
  return { first, second: person(2, first) }
}

describe('a field value replaced by someone who had not seen it', () => {
  for (const order of ['the one cut off sends first', 'the one online sends first'] satisfies Order[]) {
    it(`tells the person whose value lost, with both values and who set theirs, and not the other (${order})`, () => {
      const { first: cutOff, second: online } = twoOnAStory()
      type(cutOff, 'seoTitle', 'Mine')
      type(online, 'seoTitle', 'Theirs')
      meet(cutOff, online, order)
      // Yjs keeps the value of the higher client id: the person online's.
      expect(cutOff.map.get('seoTitle')).toBe('Theirs')
      expect(online.map.get('seoTitle')).toBe('Theirs')
      expect(cutOff.conflicts).toEqual([{ field: 'seoTitle', mine: 'Mine', theirs: 'Theirs', byClient: 2 }])
      expect(online.conflicts).toEqual([])
    })

    it(`tells the person online when the value of the one cut off wins (${order})`, () => {
      const { first: online, second: cutOff } = twoOnAStory()
      type(cutOff, 'seoTitle', 'Mine')
      type(online, 'seoTitle', 'Theirs')
      meet(cutOff, online, order)
      expect(online.map.get('seoTitle')).toBe('Mine')
      expect(online.conflicts).toEqual([{ field: 'seoTitle', mine: 'Theirs', theirs: 'Mine', byClient: 2 }])
      expect(cutOff.conflicts).toEqual([])
    })
  }

  it('says nothing of the fields only one of them changed', () => {
    const { first, second } = twoOnAStory()
    type(first, 'seoTitle', 'Mine')
    type(first, 'slug', 'ferry-strike')
    type(second, 'seoTitle', 'Theirs')
    send(first, second)
    send(second, first)
    expect(first.conflicts.map((conflict) => conflict.field)).toEqual(['seoTitle'])
    expect(second.map.get('slug')).toBe('ferry-strike')
    expect(first.map.get('slug')).toBe('ferry-strike')
  })

  it('tells the person whose value lost to someone cut off even when a third person changed it after seeing both', () => {
    const { first: cutOff, second: online } = twoOnAStory()
    const third = person(3, online)
    type(cutOff, 'seoTitle', 'Mine')
    type(online, 'seoTitle', 'Theirs')
    send(online, third)
    send(cutOff, third)
    type(third, 'seoTitle', 'Theirs, edited')
    send(third, cutOff)
    expect(cutOff.map.get('seoTitle')).toBe('Theirs, edited')
    expect(cutOff.conflicts).toEqual([{ field: 'seoTitle', mine: 'Mine', theirs: 'Theirs, edited', byClient: 3 }])
  })
})

describe('a field value replaced by someone who had seen it', () => {
  it('is an ordinary edit: nobody is told, however many keystrokes arrive at once', () => {
    const { first, second } = twoOnAStory()
    type(first, 'seoTitle', 'Mine')
    send(first, second)
    type(second, 'seoTitle', 'Mine, tightened')
    send(second, first)
    expect(first.map.get('seoTitle')).toBe('Mine, tightened')
    expect(first.conflicts).toEqual([])
    expect(second.conflicts).toEqual([])
  })

  it('is an ordinary edit when the lost value is put back: the other person is not told', () => {
    const { first: cutOff, second: online } = twoOnAStory()
    type(cutOff, 'seoTitle', 'Mine')
    type(online, 'seoTitle', 'Theirs')
    send(cutOff, online)
    send(online, cutOff)
    const [lost] = cutOff.conflicts
    cutOff.doc.transact(() => cutOff.map.set('seoTitle', lost?.mine), cutOff)
    send(cutOff, online)
    expect(online.map.get('seoTitle')).toBe('Mine')
    expect(online.conflicts).toEqual([])
    expect(cutOff.conflicts).toHaveLength(1)
  })
})
