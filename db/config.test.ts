import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { StartUpError, databaseConfig } from './config'

/** An environment holding only these variables, so the developer's own shell cannot leak in. */
function env(vars: Partial<NodeJS.ProcessEnv> = {}): NodeJS.ProcessEnv {
  return { NODE_ENV: 'test', ...vars }
}

describe('databaseConfig', () => {
  it('uses embedded PGlite in .data/pglite when nothing is set', () => {
    expect(databaseConfig(env())).toEqual({ driver: 'pglite', dataDir: path.resolve('.data/pglite') })
  })

  it('treats an empty DATABASE_URL as unset', () => {
    expect(databaseConfig(env({ DATABASE_URL: '  ' }))).toMatchObject({ driver: 'pglite' })
  })

  it('keeps PGlite in COPYDESK_DATA_DIR when it is set', () => {
    expect(databaseConfig(env({ COPYDESK_DATA_DIR: '/srv/copydesk' }))).toEqual({
      driver: 'pglite',
      dataDir: path.join('/srv/copydesk', 'pglite'),
    })
  })

  it('gives the embedded database the cache COPYDESK_DB_CACHE_MB sets', () => {
    expect(databaseConfig(env({ COPYDESK_DB_CACHE_MB: ' 512 ' }))).toEqual({
      driver: 'pglite',
      dataDir: path.resolve('.data/pglite'),
      cacheMb: 512,
    })
  })

  it.each(['lots', '1.5', '8', '-64'])('rejects the cache size %j with one clear line', (size) => {
    const read = () => databaseConfig(env({ COPYDESK_DB_CACHE_MB: size }))

    expect(read).toThrow(StartUpError)
    expect(read).toThrow(/^COPYDESK_DB_CACHE_MB must be a whole number of megabytes from 16 to 65536\.$/)
  })

  it('uses an in-memory database when COPYDESK_DATA_DIR is memory://', () => {
    expect(databaseConfig(env({ COPYDESK_DATA_DIR: 'memory://' }))).toEqual({ driver: 'memory' })
  })

  it('uses PostgreSQL when DATABASE_URL is a PostgreSQL URL', () => {
    const url = 'postgres://copydesk:secret@db.internal:5432/copydesk'
    expect(databaseConfig(env({ DATABASE_URL: url, COPYDESK_DATA_DIR: 'memory://' }))).toEqual({ driver: 'pg', url })
  })

  it.each(['not a url', 'mysql://user@host/db', 'postgres://'])('rejects the malformed DATABASE_URL %j with one clear line', (url) => {
    const read = () => databaseConfig(env({ DATABASE_URL: url }))

    expect(read).toThrow(StartUpError)
    expect(read).toThrow(/^DATABASE_URL is not a valid PostgreSQL URL[^\n]*$/)
  })
})
