import { describe, expect, it } from 'vitest'
import { articleLimits } from '../article-input'
import type { Actor } from '../permissions'
import { type FieldValues, fieldChangeProblem, savedFieldsToTake, untypedFields } from './story-fields'

// What the sync server lets into the story's field map: the input schema's shapes, with the
// refinements that a value half typed may not meet yet left to the save.

const editor: Actor = { id: 2, role: 'editor' }
const before = { sectionId: 1, slug: 'ferry', tags: ['ferries'], bylines: [{ userId: 3 }], leadMediaId: null, seoTitle: '' }
const problemOf = (change: Record<string, unknown>) => fieldChangeProblem(editor, before, { ...before, ...change })

describe('a field value in the shared map', () => {
  it('may be half typed, or typed past a limit the form’s counter shows', () => {
    expect(problemOf({ slug: 'ferry-' })).toBeNull()
    expect(problemOf({ seoTitle: 'x'.repeat(articleLimits.seoTitle + 20) })).toBeNull()
    expect(problemOf({ tags: ['ferries', ''] })).toBeNull()
    expect(problemOf({ bylines: [{ userId: 3 }, { name: '', outlet: '' }] })).toBeNull()
    expect(problemOf({ leadMediaId: 7 })).toBeNull()
  })

  it('must have the shape the form holds: no number as text, tags as one text, unknown keys or huge values', () => {
    expect(problemOf({ sectionId: '1' })).not.toBeNull()
    expect(problemOf({ tags: 'ferries, harbour' })).not.toBeNull()
    expect(problemOf({ tags: 'ferries, #' })).not.toBeNull()
    expect(problemOf({ bylines: [{ userId: 3, admin: true }] })).not.toBeNull()
    expect(problemOf({ leadMediaId: '' })).not.toBeNull()
    expect(problemOf({ seoTitle: 'x'.repeat(20 * articleLimits.leadCaption) })).not.toBeNull()
    expect(problemOf({ slug: undefined })).not.toBeNull()
  })
})

describe('a save’s fields taken into the shared map', () => {
  const base: FieldValues = {
    dateline: '',
    sectionId: 1,
    slug: 'ferry',
    tags: ['ferries'],
    bylines: [{ userId: 3 }],
    leadMediaId: null,
    leadCaption: '',
    leadCredit: '',
    seoTitle: '',
    seoDescription: '',
    socialHeadline: '',
    socialMediaId: null,
  }

  it('opened again, keeps a value typed into the map that no save took, and takes the saved value elsewhere', () => {
    const held = { ...base, seoTitle: 'Typed, never saved', tags: ['typed'] }
    const saved = { ...base, sectionId: 2, tags: ['saved'] }
    const taken = untypedFields([base], held, saved)
    expect(taken).toMatchObject({ sectionId: 2, slug: 'ferry' })
    expect(taken).not.toHaveProperty('seoTitle')
    expect(taken).not.toHaveProperty('tags')
  })

  it('opened again, takes every saved value where nothing was typed, or the map is empty, or the base is unknown', () => {
    const saved = { ...base, leadCaption: 'The quay' }
    expect(untypedFields([base], base, saved)).toEqual(saved)
    expect(untypedFields([base], {}, saved)).toEqual(saved)
    expect(untypedFields([], { ...base, seoTitle: 'Typed' }, saved)).toEqual(saved)
  })

  it('reads a value held in another form of the base as not typed', () => {
    const published = { ...base, slug: 'ferry-fares' }
    const following = { ...published, slug: '' }
    expect(untypedFields([published, following], following, published)).toEqual(published)
    expect(untypedFields([published, following], { ...following, slug: 'my-own' }, published)).not.toHaveProperty('slug')
  })

  it('from a save made alone, takes every field it changed and keeps a value typed that it left alone', () => {
    const held = { ...base, seoTitle: 'Typed, never saved', tags: ['typed'] }
    const saved = { ...base, sectionId: 2, tags: ['saved'] }
    const taken = savedFieldsToTake(base, held, saved)
    expect(taken).toMatchObject({ sectionId: 2, tags: ['saved'], slug: 'ferry' })
    expect(taken).not.toHaveProperty('seoTitle')
  })
})
