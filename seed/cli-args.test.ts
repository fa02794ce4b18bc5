import { describe, expect, it } from 'vitest'
import { parseSeedArgs } from './cli-args'

describe('db:seed arguments', () => {
  it('default to the demo newsroom only', () => {
    expect(parseSeedArgs([])).toEqual({ ok: true, args: { articles: null, allowDatabaseUrl: false, help: false } })
  })

  it('accept --articles as a separate or an inline value, and --allow-database-url', () => {
    expect(parseSeedArgs(['--articles', '500', '--allow-database-url'])).toEqual({
      ok: true,
      args: { articles: 500, allowDatabaseUrl: true, help: false },
    })
    expect(parseSeedArgs(['--articles=10000'])).toMatchObject({ ok: true, args: { articles: 10000 } })
  })

  it.each([['abc'], ['0'], ['1.5'], ['-3'], ['100001'], [' 12']])('refuse --articles %j with the accepted range', (value) => {
    expect(parseSeedArgs(['--articles', value])).toEqual({
      ok: false,
      message: expect.stringContaining('--articles takes a whole number from 1 to 100000'),
    })
  })

  it('refuse --articles without a value', () => {
    expect(parseSeedArgs(['--articles'])).toMatchObject({ ok: false, message: expect.stringContaining('got nothing') })
  })

  it('refuse an unknown argument and show the usage', () => {
    expect(parseSeedArgs(['--article', '5'])).toEqual({ ok: false, message: expect.stringContaining('Usage: npm run db:seed') })
  })
})
