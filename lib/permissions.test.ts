import { describe, expect, it } from 'vitest'
import { type Actor, type Capability, can, capabilities, check, roles } from './permissions'

// What the newsroom expects, written out by hand: A = on anything, O = only on their own,
// P = on their own and on what readers can see (published), - = never.
//                                   admin editor writer
const expected: Record<Capability, string> = {
  'desk.enter': 'A A A',
  'article.read': 'A A P',
  'article.create': 'A A A',
  'article.edit': 'A A O',
  'article.submit': 'A A O',
  'article.withdraw': 'A A O',
  'article.requestChanges': 'A A -',
  'article.approve': 'A A -',
  'article.publish': 'A A -',
  'article.schedule': 'A A -',
  'article.unpublish': 'A A -',
  'article.correct': 'A A -',
  'note.write': 'A A O',
  'front.arrange': 'A A -',
  'media.upload': 'A A A',
  'media.edit': 'A A O',
  'media.delete': 'A A O',
  'user.manage': 'A - -',
  'site.manage': 'A - -',
}

const mine = { ownerIds: [7] }
const someoneElses = { ownerIds: [8, 9] }
const someoneElsesPublished = { ownerIds: [8, 9], isPublic: true }

describe('the role → capability table', () => {
  it('covers every capability in the expectations', () => {
    expect(Object.keys(expected).sort()).toEqual([...capabilities].sort())
  })

  for (const capability of capabilities) {
    roles.forEach((role, column) => {
      const cell = expected[capability].split(' ')[column]
      const actor: Actor = { id: 7, role }
      const says = { A: 'may', O: 'may only on their own', P: 'may on their own and published ones', '-': 'may not' }
      it(`${role} ${says[cell as keyof typeof says]}: ${capability}`, () => {
        expect(can(actor, capability, mine)).toBe(cell !== '-')
        expect(can(actor, capability, someoneElses)).toBe(cell === 'A')
        expect(can(actor, capability, someoneElsesPublished)).toBe(cell === 'A' || cell === 'P')
        expect(can(actor, capability)).toBe(cell === 'A')
      })
    })
  }
})

describe('check', () => {
  it('tells a writer who tries to publish that only editors can', () => {
    expect(check({ id: 1, role: 'writer' }, 'article.publish', { ownerIds: [1] })).toEqual({
      ok: false,
      message: 'Only editors can publish a story.',
    })
  })

  it('tells a writer on someone else’s story that its own writers may, besides the editors', () => {
    expect(check({ id: 7, role: 'writer' }, 'article.submit', someoneElses)).toEqual({
      ok: false,
      message: 'Only the story’s writers and the editors can submit a story for review.',
    })
    expect(check({ id: 7, role: 'writer' }, 'media.delete', someoneElses)).toEqual({
      ok: false,
      message: 'Only the person who uploaded it and the editors can delete this image.',
    })
  })

  it('tells a writer on someone else’s draft that only its writers and the editors may open it', () => {
    expect(check({ id: 7, role: 'writer' }, 'article.read', someoneElses)).toEqual({
      ok: false,
      message: 'Only the story’s writers and the editors can open this story before it is published.',
    })
  })

  it('names administrators for what only they may do', () => {
    expect(check({ id: 1, role: 'editor' }, 'user.manage')).toEqual({
      ok: false,
      message: 'Only administrators can manage people’s accounts and permissions.',
    })
  })

  it('lets an editor publish anyone’s story', () => {
    expect(check({ id: 1, role: 'editor' }, 'article.publish', someoneElses)).toEqual({ ok: true })
  })
})
