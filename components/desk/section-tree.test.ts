import { describe, expect, it } from 'vitest'
import { sectionPickerEntries } from './section-tree'

describe('the section picker', () => {
  it('lists sub-sections by their own names, grouped under their parent, in tree order', () => {
    const entries = sectionPickerEntries([
      { id: 1, label: 'Regions' },
      { id: 2, label: 'Regions › Middle East' },
      { id: 3, label: 'Regions › Europe' },
      { id: 4, label: 'World' },
    ])
    expect(entries).toEqual([
      { id: 1, name: 'Regions' },
      {
        label: 'Regions',
        choices: [
          { id: 2, name: 'Middle East' },
          { id: 3, name: 'Europe' },
        ],
      },
      { id: 4, name: 'World' },
    ])
  })

  it('shows a deeper level as a group of its own, labelled with its whole path', () => {
    const entries = sectionPickerEntries([
      { id: 1, label: 'Regions' },
      { id: 2, label: 'Regions › Europe' },
      { id: 3, label: 'Regions › Europe › Nordics' },
    ])
    expect(entries).toEqual([
      { id: 1, name: 'Regions' },
      { label: 'Regions', choices: [{ id: 2, name: 'Europe' }] },
      { label: 'Regions › Europe', choices: [{ id: 3, name: 'Nordics' }] },
    ])
  })
})
