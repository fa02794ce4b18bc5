import { describe, expect, it } from 'vitest'
import { type Actor, type Capability, can, capabilities, check, roles } from './permissions'

// What the newsroom expects, written out by hand: A = on anything, S = in their section desk
// (on anything for a person without one), O = only on their own, P = on their own and on what
// readers can see (published), - = never.
//                                   admin editor writer
const expected: Record<Capability, string> = {
  'desk.enter': 'A A A',
  'article.read': 'A A P',
  'article.create': 'A A A',
  'article.edit': 'A A O',
  'article.submit': 'A A O',
  'article.withdraw': 'A A O',
  'article.requestChanges': 'A S -',
  'article.approve': 'A S -',
  'article.publish': 'A S -',
  'article.schedule': 'A S -',
  'article.unpublish': 'A S -',
  'article.correct': 'A S -',
  'note.write': 'A A O',
  'suggestion.review': 'A A -',
  'front.arrange': 'A A -',
  'tag.manage': 'A A -',
  'section.manage': 'A - -',
  'media.upload': 'A A A',
  'media.edit': 'A A O',
  'media.delete': 'A A O',
  'profile.edit': 'A O O',
  'user.manage': 'A - -',
  'site.manage': 'A - -',
  'webhooks.manage': 'A - -',
  'token.manage': 'A - -',
}

// Every record is filed in section 10; the desk editor's desk is section 10 (and what is under it).
const mine = { ownerIds: [7], sectionIds: [10] }
const someoneElses = { ownerIds: [8, 9], sectionIds: [10] }
const someoneElsesPublished = { ownerIds: [8, 9], isPublic: true, sectionIds: [10] }
const elsewhere = { ownerIds: [8, 9], sectionIds: [20] }
const movingAway = { ownerIds: [8, 9], sectionIds: [10, 20] }

describe('the role → capability table', () => {
  it('covers every capability in the expectations', () => {
    expect(Object.keys(expected).sort()).toEqual([...capabilities].sort())
  })

  for (const capability of capabilities) {
    roles.forEach((role, column) => {
      const cell = expected[capability].split(' ')[column]
      const says = {
        A: 'may',
        S: 'may in their sections',
        O: 'may only on their own',
        P: 'may on their own and published ones',
        '-': 'may not',
      }
      it(`${role} ${says[cell as keyof typeof says]}: ${capability}`, () => {
        const actor: Actor = { id: 7, role }
        const anywhere = cell === 'A' || cell === 'S'
        expect(can(actor, capability, mine)).toBe(cell !== '-')
        expect(can(actor, capability, someoneElses)).toBe(anywhere)
        expect(can(actor, capability, someoneElsesPublished)).toBe(anywhere || cell === 'P')
        expect(can(actor, capability, elsewhere)).toBe(anywhere)
        expect(can(actor, capability)).toBe(anywhere)

        // The same person with a section desk: only `S` changes, and only outside the desk.
        const deskEditor: Actor = { id: 7, role, sections: [10, 11] }
        expect(can(deskEditor, capability, someoneElses)).toBe(anywhere)
        expect(can(deskEditor, capability, elsewhere)).toBe(cell === 'A')
        expect(can(deskEditor, capability, movingAway)).toBe(cell === 'A')
        expect(can(deskEditor, capability)).toBe(cell === 'A')
      })
    })
  }
})

describe('check', () => {
  it('tells a desk editor that a story outside their sections is for its section’s editors', () => {
    expect(check({ id: 1, role: 'editor', sections: [10] }, 'article.publish', elsewhere)).toEqual({
      ok: false,
      message: 'This story is filed outside your sections: only its section’s editors can publish a story.',
    })
  })

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
