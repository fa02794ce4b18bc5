import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { RichTextDoc } from '@/db/schema'
import type { Actor } from '../permissions'
import { forgedMessage } from '../suggestion-settling'
import { bodyUpdateProblem, maySettle, namesOthers } from './body-guard'
import { buildStoryDocument } from './storage'

// The sync server's look at a change of the body: cheap for typing, close for a change that
// touches someone else's suggestion, and refusing one that settles it without the right to review.

const writer: Actor = { id: 3, role: 'writer' }
const editor: Actor = { id: 2, role: 'editor' }
const attrsOf = (person: Actor, id: string) => ({
  id,
  authorId: person.id,
  authorName: `Person ${person.id}`,
  at: '2026-12-06T09:00:00.000Z',
})

/** "Fares rise by [a third]." with the editor's suggested insertion; "Fares rise by " is 14 characters. */
const body: RichTextDoc = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Ferries sail.' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Fares rise by ' },
        { type: 'text', text: 'a third', marks: [{ type: 'insertion', attrs: attrsOf(editor, 'e1') }] },
        { type: 'text', text: '.' },
      ],
    },
  ],
}

/** The server's document, and the update that `edit` makes of a copy's paragraph `index`. */
function change(index: number, edit: (paragraph: Y.XmlText) => void) {
  const server = buildStoryDocument({ headline: 'Fares', standfirst: '', body }, 1)
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const before = Y.encodeStateVector(client)
  edit((client.getXmlFragment('body').get(index) as Y.XmlElement).get(0) as Y.XmlText)
  return { server, update: Y.encodeStateAsUpdate(client, before) }
}

describe('a change of the body over the socket', () => {
  it('is not looked at closely when it types or deletes away from others’ suggestions', () => {
    const typed = change(0, (text) => text.insert(7, ' now'))
    expect(maySettle(typed.server, typed.update, writer)).toBe(false)
    const deleted = change(1, (text) => text.delete(0, 6))
    expect(maySettle(deleted.server, deleted.update, writer)).toBe(false)
  })

  it('refuses a writer accepting, rejecting or rewording the editor’s suggestion', () => {
    const settlings = [
      change(1, (text) => text.format(14, 7, { insertion: null })),
      change(1, (text) => text.delete(14, 7)),
      change(1, (text) => text.delete(16, 2)),
      change(1, (text) => text.insert(17, 'x')),
    ]
    for (const { server, update } of settlings) {
      expect(bodyUpdateProblem(server, update, writer)).toMatch(/^Only editors can accept or reject suggested changes\./)
      expect(bodyUpdateProblem(server, update, editor)).toBeNull()
    }
  })

  it('lets a writer type beside the editor’s suggestion, and add and withdraw their own', () => {
    const beside = change(1, (text) => text.insert(22, ' at last'))
    expect(bodyUpdateProblem(beside.server, beside.update, writer)).toBeNull()
    const own = change(1, (text) => text.insert(0, 'Ferry ', { insertion: attrsOf(writer, 'w1') }))
    expect(bodyUpdateProblem(own.server, own.update, writer)).toBeNull()
  })

  it('refuses anyone, editors too, adding a suggestion in someone else’s name; one’s own is not looked at closely', () => {
    const forged = change(0, (text) => text.insert(0, 'Big ', { insertion: attrsOf(writer, 'w9') }))
    expect(bodyUpdateProblem(forged.server, forged.update, editor)).toBe(forgedMessage)
    const own = change(0, (text) => text.insert(0, 'Big ', { insertion: attrsOf(editor, 'e9') }))
    expect(namesOthers(own.update, editor)).toBe(false)
    expect(bodyUpdateProblem(own.server, own.update, editor)).toBeNull()
  })
})

describe('a suggested paragraph break over the socket', () => {
  const breakBy = (person: Actor, id: string) => ({ type: 'suggestedBreak', attrs: { kind: 'split', ...attrsOf(person, id) } })
  /** "Fares rise.¶ Buses too." with the editor's suggested new paragraph; the update `edit` makes of a copy's paragraph. */
  function changeParagraph(edit: (paragraph: Y.XmlElement) => void) {
    const words = (text: string) => ({ type: 'text', text })
    const content = [words('Fares rise.'), breakBy(editor, 'e1'), words(' Buses too.')]
    const server = buildStoryDocument(
      { headline: 'Fares', standfirst: '', body: { type: 'doc', content: [{ type: 'paragraph', content }] } },
      1,
    )
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
    const before = Y.encodeStateVector(client)
    edit(client.getXmlFragment('body').get(0) as Y.XmlElement)
    return { server, update: Y.encodeStateAsUpdate(client, before) }
  }
  const pilcrowOf = (person: Actor, id: string) => {
    const element = new Y.XmlElement('suggestedBreak')
    for (const [key, value] of Object.entries(breakBy(person, id).attrs)) element.setAttribute(key, value as string)
    return element
  }

  it('refuses a writer removing the editor’s break, as settling it; an editor may', () => {
    const { server, update } = changeParagraph((paragraph) => paragraph.delete(1, 1))
    expect(bodyUpdateProblem(server, update, writer)).toMatch(/^Only editors can accept or reject suggested changes\./)
    expect(bodyUpdateProblem(server, update, editor)).toBeNull()
  })

  it('refuses a break in someone else’s name, and lets a writer add their own', () => {
    const forged = changeParagraph((paragraph) => paragraph.insert(2, [pilcrowOf(writer, 'w1')]))
    expect(bodyUpdateProblem(forged.server, forged.update, editor)).toBe(forgedMessage)
    const own = changeParagraph((paragraph) => paragraph.insert(2, [pilcrowOf(writer, 'w1')]))
    expect(bodyUpdateProblem(own.server, own.update, writer)).toBeNull()
  })
})

describe('a suggested heading over the socket', () => {
  const markerBy = (person: Actor, id: string) => ({ type: 'suggestedBlock', attrs: { ...attrsOf(person, id), formerly: 'paragraph' } })
  /** "Fares rise." made a heading by the editor's suggestion; the update `edit` makes of a copy's body. */
  function changeBody(edit: (body: Y.XmlFragment) => void) {
    const content = [markerBy(editor, 'e1'), { type: 'text', text: 'Fares rise.' }]
    const server = buildStoryDocument(
      { headline: 'Fares', standfirst: '', body: { type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content }] } },
      1,
    )
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
    const before = Y.encodeStateVector(client)
    edit(client.getXmlFragment('body'))
    return { server, update: Y.encodeStateAsUpdate(client, before) }
  }
  const heading = (body: Y.XmlFragment) => body.get(0) as Y.XmlElement
  const plainParagraph = () => {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('Fares rise.')])
    return paragraph
  }

  it('refuses a writer accepting the editor’s heading (its mark taken away) or rejecting it (a paragraph again); an editor may', () => {
    const accepted = changeBody((body) => heading(body).delete(0, 1))
    expect(bodyUpdateProblem(accepted.server, accepted.update, writer)).toMatch(/^Only editors can accept or reject suggested changes\./)
    expect(bodyUpdateProblem(accepted.server, accepted.update, editor)).toBeNull()
    const rejected = changeBody((body) => {
      body.delete(0, 1)
      body.insert(0, [plainParagraph()])
    })
    expect(bodyUpdateProblem(rejected.server, rejected.update, writer)).toMatch(/^Only editors can accept or reject suggested changes\./)
    expect(bodyUpdateProblem(rejected.server, rejected.update, editor)).toBeNull()
  })

  it('lets a writer type in the editor’s heading without a close look, and refuses a heading suggested in someone else’s name', () => {
    const typed = changeBody((body) => (heading(body).get(1) as Y.XmlText).insert(11, ' Again.'))
    expect(maySettle(typed.server, typed.update, writer)).toBe(false)
    expect(bodyUpdateProblem(typed.server, typed.update, writer)).toBeNull()
    const forged = changeBody((body) => {
      const marker = new Y.XmlElement('suggestedBlock')
      for (const [key, value] of Object.entries(markerBy(writer, 'w1').attrs)) marker.setAttribute(key, value as string)
      const second = new Y.XmlElement('heading')
      second.setAttribute('level', '3')
      second.insert(0, [marker])
      body.insert(1, [second])
    })
    expect(bodyUpdateProblem(forged.server, forged.update, editor)).toBe(forgedMessage)
  })
})

/** Blocks suggested whole (lib/story-schema/whole-blocks.ts), each with the attributes it needs of its own. */
const wholeBlocks = [
  { name: 'rule', type: 'horizontalRule', own: {} },
  { name: 'figure', type: 'figure', own: { src: '/media/1/ferry.jpg', alt: 'The ferry', caption: 'The new ferry' } },
  { name: 'rule splitting a paragraph', type: 'horizontalRule', own: { joins: 'both' } },
]

describe.each(wholeBlocks)('a suggested $name over the socket', ({ name, type, own }) => {
  const blockBy = (person: Actor, id: string) => ({ type, attrs: { ...own, ...attrsOf(person, id), suggested: 'insertion' } })
  /** "Fares rise.", then the block the editor suggested; the update `edit` makes of a copy's body. */
  function changeBody(edit: (body: Y.XmlFragment) => void) {
    const content = [{ type: 'paragraph', content: [{ type: 'text', text: 'Fares rise.' }] }, blockBy(editor, 'e1')]
    const server = buildStoryDocument({ headline: 'Fares', standfirst: '', body: { type: 'doc', content } }, 1)
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
    const before = Y.encodeStateVector(client)
    edit(client.getXmlFragment('body'))
    return { server, update: Y.encodeStateAsUpdate(client, before) }
  }

  it(`refuses a writer rejecting the editor’s ${name} (deleting it) or accepting it (its suggestion taken off); an editor may`, () => {
    const rejected = changeBody((body) => body.delete(1, 1))
    expect(bodyUpdateProblem(rejected.server, rejected.update, writer)).toMatch(/^Only editors can accept or reject suggested changes\./)
    expect(bodyUpdateProblem(rejected.server, rejected.update, editor)).toBeNull()
    const accepted = changeBody((body) => (body.get(1) as Y.XmlElement).removeAttribute('suggested'))
    expect(bodyUpdateProblem(accepted.server, accepted.update, writer)).toMatch(/^Only editors can accept or reject suggested changes\./)
  })

  const adding = (person: Actor) =>
    changeBody((body) => {
      const block = new Y.XmlElement(type)
      for (const [key, value] of Object.entries(blockBy(person, 'w1').attrs)) block.setAttribute(key, value as string)
      body.insert(2, [block])
    })

  it(`refuses a ${name} suggested in someone else’s name, and lets a writer suggest their own`, () => {
    const forged = adding(writer)
    expect(namesOthers(forged.update, editor)).toBe(true)
    expect(bodyUpdateProblem(forged.server, forged.update, editor)).toBe(forgedMessage)
    const own = adding(writer)
    expect(bodyUpdateProblem(own.server, own.update, writer)).toBeNull()
  })
})

describe('a figure’s caption suggested changed, over the socket', () => {
  const photo = { src: '/media/1/ferry.jpg', alt: 'The ferry', caption: 'The ferry at dawn' }
  const changeBy = (person: Actor, id: string) => {
    const { id: changeId, authorId, authorName, at } = attrsOf(person, id)
    return { wasCaption: 'The new ferry', changeId, changeAuthorId: authorId, changeAuthorName: authorName, changeAt: at }
  }
  /** The figure (its caption suggested changed by the editor unless `isPlain`); the update `edit` makes of a copy's figure. */
  function changeFigure(edit: (figure: Y.XmlElement) => void, isPlain = false) {
    const content = [{ type: 'figure', attrs: isPlain ? photo : { ...photo, ...changeBy(editor, 'e1') } }]
    const server = buildStoryDocument({ headline: 'Fares', standfirst: '', body: { type: 'doc', content } }, 1)
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
    const before = Y.encodeStateVector(client)
    edit(client.getXmlFragment('body').get(0) as Y.XmlElement)
    return { server, update: Y.encodeStateAsUpdate(client, before) }
  }

  it('refuses a writer accepting or rejecting the editor’s change (its record taken off, the old caption put back); an editor may', () => {
    const accepted = changeFigure((figure) => figure.removeAttribute('changeId'))
    const rejected = changeFigure((figure) => {
      figure.setAttribute('caption', 'The new ferry')
      for (const name of Object.keys(changeBy(editor, 'e1'))) figure.removeAttribute(name)
    })
    for (const settled of [accepted, rejected]) {
      expect(bodyUpdateProblem(settled.server, settled.update, writer)).toMatch(/^Only editors can accept or reject suggested changes\./)
      expect(bodyUpdateProblem(settled.server, settled.update, editor)).toBeNull()
    }
  })

  it('refuses a change of a figure suggested in someone else’s name', () => {
    const forged = changeFigure((figure) => {
      for (const [key, value] of Object.entries(changeBy(writer, 'w1'))) figure.setAttribute(key, value as string)
    }, true)
    expect(namesOthers(forged.update, editor)).toBe(true)
    expect(bodyUpdateProblem(forged.server, forged.update, editor)).toBe(forgedMessage)
  })
})
