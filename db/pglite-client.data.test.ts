import { PGlite, type QueryOptions, type Results, types } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { openMemoryDatabase } from './index'
import type { PreparingPGlite } from './pglite-client'

// The embedded database's client prepares each read once (db/pglite-client.ts): the
// answers must be exactly PGlite's own, and nothing about a failed or changed statement may stick.

const connection = openMemoryDatabase()
const { db } = connection
// Drizzle keeps the client it was given; the app's `Db` type does not name it.
const client = (db as typeof db & { $client: PreparingPGlite }).$client
afterAll(() => connection.close())
/** PGlite's own answer on the same client: its `query`, which this client's replaces. */
const pglitesOwn = (text: string, params: unknown[], options?: QueryOptions): Promise<Results<unknown>> =>
  PGlite.prototype.query.call(client, text, params, options)

await client.exec(`create table notes_seen (id int primary key, at timestamptz, tags text[], detail jsonb, note text);
  insert into notes_seen values (1, '2026-12-05 09:30:00+00', '{a,b}', '{"k": [1, 2]}', null), (2, null, '{}', 'null', 'two')`)

const reads = [
  ['select * from notes_seen where id = $1 or at > $2 order by id', [2, new Date('2026-01-01T00:00:00Z')]],
  ['select tags, detail from notes_seen where detail @> $1 or note = $2', [{ k: [1] }, 'two']],
  ['with t as (select $1::int as n) select n + 1 as next, $2::text as said from t', [41, null]],
] as const

async function preparedCount(text: string): Promise<number> {
  const [{ rows } = { rows: [] }] = await client.exec(
    `select count(*)::int as n from pg_prepared_statements where statement = '${text.replace(/'/g, "''")}'`,
  )
  return (rows[0] as { n: number } | undefined)?.n ?? 0
}

describe('the embedded database prepares its statements', () => {
  it('plans every call afresh, as unprepared statements are', async () => {
    expect((await client.query('show plan_cache_mode')).rows).toEqual([{ plan_cache_mode: 'force_custom_plan' }])
  })

  it('answers as PGlite does, in rows and in arrays, and prepares each text once', async () => {
    for (const [text, params] of reads) {
      const plain = await pglitesOwn(text, [...params])
      expect(await client.query(text, [...params])).toEqual(plain)
      expect(await client.query(text, [...params])).toEqual(plain)
      expect(await client.transaction((tx) => tx.query(text, [...params]))).toEqual(plain)
      const plainArrays = await pglitesOwn(text, [...params], { rowMode: 'array' })
      expect(await client.query(text, [...params], { rowMode: 'array' })).toEqual(plainArrays)
      expect(await client.transaction((tx) => tx.query(text, [...params], { rowMode: 'array' }))).toEqual(plainArrays)
      expect(await preparedCount(text)).toBe(1)
    }
  })

  it('reads with a query’s own parsers over PGlite’s, as PGlite does, and keeps them to that query', async () => {
    const text = 'select at, tags, detail from notes_seen where id = $1'
    const own = { parsers: { [types.TIMESTAMPTZ]: (value: string) => `at ${value}` } }
    const plain = await pglitesOwn(text, [1], own)
    expect(await client.query(text, [1], own)).toEqual(plain)
    expect(await client.transaction((tx) => tx.query(text, [1], own))).toEqual(plain)
    expect(plain.rows).toEqual([{ at: 'at 2026-12-05 09:30:00+00', tags: ['a', 'b'], detail: { k: [1, 2] } }])
    expect((await client.query<{ at: Date }>(text, [1])).rows[0]?.at).toEqual(new Date('2026-12-05T09:30:00Z'))
  })

  it('keeps going after a statement that does not parse, a bad parameter and a failed write', async () => {
    await expect(client.query('select from where')).rejects.toThrow(/syntax error/)
    await expect(client.query('select * from notes_seen where id = $1', ['one'])).rejects.toThrow(/invalid input syntax/)
    await expect(client.query('insert into notes_seen (id) values ($1)', [1])).rejects.toThrow(/duplicate key/)
    expect((await client.query('select id from notes_seen where id = $1', [2])).rows).toEqual([{ id: 2 }])
  })

  it('writes as PGlite does, inside and outside a transaction, with what they changed and returned', async () => {
    const insert = 'insert into notes_seen (id, at, tags, note) values ($1, $2, $3, $4) returning id, at, tags'
    const outside = await client.query(insert, [10, new Date('2026-12-07T10:00:00Z'), ['x'], 'ten'])
    const inside = await client.transaction((tx) => tx.query(insert, [11, new Date('2026-12-07T10:00:00Z'), ['x'], 'eleven']))
    const own = await pglitesOwn(insert, [12, new Date('2026-12-07T10:00:00Z'), ['x'], 'twelve'])
    for (const answer of [outside, inside]) {
      expect({ ...answer, rows: answer.rows.map((row) => ({ ...(row as object), id: 0 })) }).toEqual({
        ...own,
        rows: own.rows.map((row) => ({ ...(row as object), id: 0 })),
      })
    }
    const update = 'update notes_seen set note = $1 where id >= $2'
    expect((await client.transaction((tx) => tx.query(update, ['many', 10]))).affectedRows).toBe(3)
    expect((await pglitesOwn(update, ['all', 10])).affectedRows).toBe(3)
  })

  it('rolls a failed transaction back whole and keeps going', async () => {
    const failing = client.transaction(async (tx) => {
      await tx.query('insert into notes_seen (id, note) values ($1, $2)', [20, 'twenty'])
      await tx.query('insert into notes_seen (id) values ($1)', [20])
    })
    await expect(failing).rejects.toThrow(/duplicate key/)
    await expect(client.transaction((tx) => tx.query('select from where'))).rejects.toThrow(/syntax error/)
    await expect(client.transaction((tx) => tx.query('select * from notes_seen where id = $1', ['one']))).rejects.toThrow(
      /invalid input syntax/,
    )
    expect((await client.query('select id from notes_seen where id = $1', [20])).rows).toEqual([])
    expect((await client.transaction((tx) => tx.query('select note from notes_seen where id = $1', [2]))).rows).toEqual([{ note: 'two' }])
  })

  it('refuses a query on a transaction once it is over', async () => {
    let kept: Parameters<Parameters<typeof client.transaction>[0]>[0] | undefined
    await client.transaction(async (tx) => {
      kept = tx
      await tx.rollback()
      await expect(tx.query('select 1')).rejects.toThrow(/closed/)
    })
    await expect(kept?.query('select 1')).rejects.toThrow(/closed/)
  })

  it('answers with the new columns after the table changed under a prepared statement', async () => {
    const text = 'select * from notes_seen where id = $1'
    await client.query(text, [1])
    await client.exec('alter table notes_seen add column extra text')
    const { rows } = await client.query(text, [1])
    expect(Object.keys(rows[0] as object)).toContain('extra')
  })

  it('writes through Drizzle as before, inside and outside a transaction', async () => {
    await db.execute(sql`insert into notes_seen (id, note) values (${3}, ${'three'})`)
    await db.transaction((tx) => tx.execute(sql`update notes_seen set note = ${'third'} where id = ${3}`))
    const result = (await db.execute(sql`select note from notes_seen where id = ${3}`)) as unknown as { rows: unknown[] }
    expect(result.rows).toEqual([{ note: 'third' }])
  })
})

describe('the embedded database’s binary values', () => {
  const everyByte = Uint8Array.from({ length: 512 }, (_, index) => index % 256)

  it('writes and reads bytea byte for byte, as PostgreSQL stores it', async () => {
    await client.exec('create table blobs_seen (id int primary key, data bytea)')
    await client.query('insert into blobs_seen values ($1, $2), ($3, $4)', [1, everyByte, 2, new Uint8Array(0)])
    const { rows } = await client.query<{ data: Uint8Array; hex: string }>(
      "select data, encode(data, 'hex') as hex from blobs_seen where id = $1",
      [1],
    )
    expect(rows[0]?.data).toEqual(everyByte)
    expect(rows[0]?.hex).toBe(Buffer.from(everyByte).toString('hex'))
    const empty = await client.query<{ data: Uint8Array }>('select data from blobs_seen where id = $1', [2])
    expect(empty.rows[0]?.data).toEqual(new Uint8Array(0))
  })

  it('refuses a bytea value that is not bytes', async () => {
    await expect(client.query('insert into blobs_seen values ($1, $2)', [3, 'not bytes'])).rejects.toThrow(/Invalid input for bytea/)
  })
})
