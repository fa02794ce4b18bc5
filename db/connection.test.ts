import { describe, expect, it } from 'vitest'
import { StartUpError } from './config'
import { checkConnection, describeConnectionFailure, openDatabase } from './index'

const url = 'postgres://copydesk:secret@db.internal:5432/newsroom'
const pg = { driver: 'pg', url } as const

/** A driver error as `pg` raises it, wrapped the way drizzle wraps a failed query. */
function failedQuery(code: string, message: string): Error {
  return new Error('Failed query: select 1\nparams: ', { cause: Object.assign(new Error(message), { code }) })
}

describe('describeConnectionFailure', () => {
  it.each([
    [
      'ECONNREFUSED',
      'connect ECONNREFUSED 10.0.0.5:5432',
      /^Cannot reach PostgreSQL at db\.internal:5432: nothing accepts connections there/,
    ],
    [
      'ENOTFOUND',
      'getaddrinfo ENOTFOUND db.internal',
      /^Cannot reach PostgreSQL at db\.internal:5432: the host name db\.internal is not known/,
    ],
    [
      '28P01',
      'password authentication failed for user "copydesk"',
      /^PostgreSQL at db\.internal:5432 refused the password for user copydesk/,
    ],
    ['3D000', 'database "newsroom" does not exist', /^The database newsroom does not exist on the PostgreSQL server at db\.internal:5432/],
  ])('names the cause of a %s failure in words, on one line', (code, message, expected) => {
    const line = describeConnectionFailure(pg, failedQuery(code, message))

    expect(line).toMatch(expected)
    expect(line).not.toContain('\n')
    expect(line).not.toContain('secret')
  })

  it('says a server that does not answer in time did not answer', () => {
    const line = describeConnectionFailure(pg, failedQuery('', 'Connection terminated due to connection timeout'))

    expect(line).toBe('Cannot reach PostgreSQL at db.internal:5432: no answer within 5 seconds (is a firewall in the way?).')
  })

  it('keeps the first line of an unexpected error, without the SQL drizzle wraps it in', () => {
    const line = describeConnectionFailure(pg, failedQuery('XX000', 'something odd\nDETAIL: more'))

    expect(line).toBe('Cannot use the PostgreSQL database newsroom at db.internal:5432 (something odd).')
  })

  it("reduces PGlite's abort on a corrupt directory to one line naming the directory", () => {
    const abort = new Error('Aborted(). Build with -sASSERTIONS for more info.\n    at abort (pglite.js:1:1)')

    const line = describeConnectionFailure({ driver: 'pglite', dataDir: '/srv/data/pglite' }, abort)

    expect(line).toBe(
      'The embedded database in /srv/data/pglite cannot be opened and may be corrupt (Aborted().); move that folder aside to start with a fresh one.',
    )
  })
})

describe('checkConnection', () => {
  it('stops with one clear line when nothing listens at the PostgreSQL address', async () => {
    const config = { driver: 'pg', url: 'postgres://postgres@127.0.0.1:1/copydesk' } as const
    const connection = openDatabase(config)
    try {
      const failure = await checkConnection(connection.db, config).catch((error: unknown) => error)

      expect(failure).toBeInstanceOf(StartUpError)
      expect((failure as Error).message).toMatch(/^Cannot reach PostgreSQL at 127\.0\.0\.1:1: nothing accepts connections there[^\n]*$/)
    } finally {
      await connection.close()
    }
  })
})
