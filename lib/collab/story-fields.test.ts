import { describe, expect, it } from 'vitest'
import { articleLimits } from '../article-input'
import type { Actor } from '../permissions'
import { fieldChangeProblem } from './story-fields'

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
