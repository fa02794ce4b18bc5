import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { contentApiAddress, requestedFormat } from './format'
import { maxPageSize, pageParams, parseQuery, readRequest } from './query'

const listSchema = z.strictObject({ ...pageParams, tag: z.string().optional() })
const parse = (query: string) => parseQuery(new URLSearchParams(query), listSchema)
const messageOf = (query: string) => {
  const parsed = parse(query)
  return parsed.ok ? null : parsed.error
}

describe('reading a list’s query string', () => {
  it('takes the parameters it names, with the page size as a number', () => {
    expect(parse('tag=shipping&limit=5&cursor=abc&format=json')).toEqual({
      ok: true,
      query: { tag: 'shipping', limit: 5, cursor: 'abc', format: 'json' },
    })
    expect(parse('')).toEqual({ ok: true, query: {} })
  })

  it('refuses an unknown parameter, naming it and those it takes', () => {
    expect(messageOf('tag=shipping&sort=oldest')).toEqual({
      code: 'invalid_query',
      message: 'Unknown parameter "sort". This endpoint takes: limit, cursor, format, tag.',
    })
  })

  it('refuses a parameter given twice', () => {
    expect(messageOf('tag=a&tag=b')?.message).toBe('The parameter "tag" is given more than once.')
  })

  it(`refuses a page size that is not a whole number from 1 to ${maxPageSize}`, () => {
    for (const limit of ['0', '101', '1000', 'ten', '5.5', '-1', '', ' 5', '1e2', '007']) {
      expect(messageOf(`limit=${encodeURIComponent(limit)}`), limit).toEqual({
        code: 'invalid_query',
        message: `limit must be a whole number from 1 to ${maxPageSize}.`,
      })
    }
    expect(parse(`limit=${maxPageSize}`).ok).toBe(true)
  })

  it('refuses a format it does not know', () => {
    expect(messageOf('format=xml')).toEqual({ code: 'invalid_query', message: 'format must be json or ninjs.' })
  })
})

describe('the format a request asks for', () => {
  const request = (query: string, accept?: string) =>
    new Request(`http://copydesk.test/api/v1/stories${query}`, { headers: accept ? { accept } : {} })

  it('is ninjs by ?format or by Accept, ?format winning', () => {
    expect(requestedFormat(new URLSearchParams(''), 'application/ninjs+json')).toBe('ninjs')
    expect(requestedFormat(new URLSearchParams('format=json'), 'application/ninjs+json')).toBe('json')
    expect(requestedFormat(new URLSearchParams(''), 'application/json, */*')).toBe('json')
    expect(requestedFormat(new URLSearchParams(''), null)).toBe('json')
  })

  it('is refused with 406 where only JSON is given', () => {
    expect(readRequest(request('?format=ninjs'), listSchema)).toMatchObject({ ok: false, error: { code: 'not_acceptable' } })
    expect(readRequest(request('', 'application/ninjs+json'), listSchema)).toMatchObject({ ok: false, error: { code: 'not_acceptable' } })
    expect(readRequest(request('?format=ninjs'), listSchema, ['json', 'ninjs'])).toMatchObject({ ok: true, format: 'ninjs' })
  })

  it('is part of the address an answer is kept under, however it was asked for', () => {
    const address = (query: string, accept: string | null) =>
      contentApiAddress(new URL(`http://copydesk.test/api/v1/stories/7${query}`), accept)
    expect(address('', 'application/ninjs+json')).toBe(address('?format=ninjs', null))
    expect(address('', null)).toBe(address('?format=json', 'application/ninjs+json'))
    expect(address('', null)).not.toBe(address('', 'application/ninjs+json'))
    expect(address('?b=2&a=1', null)).toBe(address('?a=1&b=2', null))
  })
})
