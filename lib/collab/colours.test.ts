import { describe, expect, it } from 'vitest'
import { caretColourFor, caretColours } from './colours'

describe('caretColourFor', () => {
  it('gives one person the same colour every time, from the palette', () => {
    expect(caretColourFor('Tomás Ferreira')).toBe(caretColourFor('Tomás Ferreira'))
    expect(caretColours).toContain(caretColourFor('Daniel Achterberg'))
    expect(caretColours).toContain(caretColourFor(''))
  })

  it('spreads a desk of people over more than one colour', () => {
    const names = ['Tomás Ferreira', 'Daniel Achterberg', 'Rania Salem', 'Ana Lima', 'Joe Bloggs']
    expect(new Set(names.map(caretColourFor)).size).toBeGreaterThan(1)
  })
})
