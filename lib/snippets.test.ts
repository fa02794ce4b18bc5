import { describe, expect, it } from 'vitest'
import { wholeWordSnippet } from './snippets'

const options = { delimiter: ' … ', marks: '[]' }
const source = 'Port Calloway will pay $180m (about £140m) for the utility. “It is too much,” said one councillor.'

describe('a search snippet', () => {
  it('keeps the currency sign before a number at the start of a fragment', () => {
    expect(wholeWordSnippet('[180m] (about £140m) for the utility', source, options)).toBe('$[180m] (about £140m) for the utility.')
  })

  it('keeps brackets, quotes and the full stop around the words at either end', () => {
    expect(wholeWordSnippet('about £140m', source, options)).toBe('(about £140m)')
    expect(wholeWordSnippet('It is too [much]', source, options)).toBe('“It is too [much],”')
  })

  it('widens each fragment on its own', () => {
    expect(wholeWordSnippet('pay $[180m] … too much', source, options)).toBe('pay $[180m] … too much,”')
  })

  it('leaves a fragment it cannot find in the text as it is', () => {
    expect(wholeWordSnippet('nowhere to be found', source, options)).toBe('nowhere to be found')
  })

  it('leaves a snippet that already has whole words alone', () => {
    expect(wholeWordSnippet('will pay $180m', source, options)).toBe('will pay $180m')
  })
})
