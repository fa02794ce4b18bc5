import { PGlite, type QueryOptions, type Results, type Transaction, parse, protocol, types } from '@electric-sql/pglite'

// PGlite's `query` parses, analyses and describes its SQL on every call: for the desk's longer
// queries (the session check, the news box) that was most of their time, more than running them.
// This client prepares each statement that reads once, by name, and then only binds and executes
// it. Writes, and everything inside a transaction, are parsed each time as PGlite does, but sent
// in two calls into the database instead of its six, and their answers read with the query's own
// parsers laid over PGlite's (`#parsersFor`). Writes are not kept prepared: most of their texts are
// seen once (a seed's batches, a migration). Plans stay per call (plan_cache_mode=force_custom_plan in db/index.ts), so a
// prepared statement never runs on a worse plan than an unprepared one would get: the desk's counts
// and lists planned for any parameters (a generic plan, which `auto` would keep) read `articles` or
// `revisions` whole, or ran 20-60 times slower at 100,000 stories (tried twice, README "Benchmark").
// A statement with no parameters keeps its one plan all the same: the desk writes its statuses,
// the viewer's id and its limits into the text (lib/desk-queues-conditions.ts), so an editor's
// queue and counts are planned once, for those very values.

/**
 * PGlite sends and reads bytea as hex text, made byte by byte in JavaScript: a story's shared
 * document of 5,000 words (119 KB, lib/collab/storage.ts) took about 30 ms to write (twice per
 * store, as the statement names it twice) and 9 ms to read, holding up every other request and
 * every keystroke relayed meanwhile. Node's Buffer does it in about a millisecond.
 */
export const byteaAsHex = {
  serializers: {
    [types.BYTEA]: (value: unknown) => {
      if (!(value instanceof Uint8Array)) throw new Error('Invalid input for bytea type')
      return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`
    },
  },
  parsers: {
    [types.BYTEA]: (text: string) => {
      const bytes = Buffer.from(text.slice(2), 'hex')
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    },
  },
}

/** Statements kept prepared per database; the least recently used is closed past this. */
const maxStatements = 500
/** What is prepared: reads (not writes, DDL, SET, or several statements in one text). */
const preparable = /^\s*(select|with)\b/i
/** PostgreSQL's "cached plan must not change result type": a table changed under a statement. */
const resultTypeChanged = '0A000'

type Statement = { name: string; paramTypes: number[] }

export class PreparingPGlite extends PGlite {
  #statements = new Map<string, Statement>()
  #named = 0

  override async query<T>(text: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> {
    if (options?.blob) return super.query<T>(text, params, options)
    await this._checkReady()
    return this._runExclusiveTransaction(() =>
      this._runExclusiveQuery(async () => {
        if (!preparable.test(text)) return this.#runUnnamed<T>(text, params, options, { inTransaction: false })
        try {
          return await this.#runPrepared<T>(text, params, options)
        } catch (error) {
          if (!isResultTypeChange(error)) throw error
          await this.#forget(text)
          return this.#runPrepared<T>(text, params, options)
        }
      }),
    )
  }

  /**
   * A transaction whose queries go as this client's writes do. PGlite's own path copied its 318
   * parsers for each (drizzle brings its own to every query): an autosave's dozens of statements
   * spent about 6 ms in that alone. Statements are not prepared here: one whose table changed
   * could not be tried again in a transaction it had failed.
   */
  override async transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    return super.transaction((tx) => callback(this.#throughThisClient(tx)))
  }

  #throughThisClient(tx: Transaction): Transaction {
    const query = <R>(text: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<R>> => {
      // A closed transaction refuses, and a file to copy needs PGlite's own handling.
      if (tx.closed || options?.blob) return tx.query<R>(text, params, options)
      return this._runExclusiveQuery(() => this.#runUnnamed<R>(text, params, options, { inTransaction: true }))
    }
    return Object.assign(Object.create(tx) as Transaction, { query })
  }

  /** A statement parsed and described, then bound and executed: PGlite's steps, in two calls. */
  async #runUnnamed<T>(text: string, params: unknown[], options: QueryOptions | undefined, { inTransaction }: { inTransaction: boolean }) {
    let described
    try {
      described = await this.#send(
        protocol.serialize.parse({ text, types: options?.paramTypes }),
        protocol.serialize.describe({ type: 'S' }),
      )
    } catch (error) {
      // The database skips everything after an error until a Sync.
      await this.#send(protocol.serialize.sync())
      throw error
    }
    const statement = { name: '', paramTypes: parse.parseDescribeStatementResults(described) }
    return this.#execute<T>(statement, text, params, options, { inTransaction })
  }

  async #runPrepared<T>(text: string, params: unknown[], options?: QueryOptions): Promise<Results<T>> {
    const statement = this.#statements.get(text) ?? (await this.#prepare(text, options))
    // Most recently used last: the first in the map is the one to close when it is full.
    this.#statements.delete(text)
    this.#statements.set(text, statement)
    return this.#execute<T>(statement, text, params, options, { inTransaction: false })
  }

  /**
   * Binds `params` to a parsed statement (the unnamed one, named '') and executes it, in one call
   * into the database for the four messages: it reads them all, up to the Sync, even after an error.
   */
  async #execute<T>(
    statement: Statement,
    text: string,
    params: unknown[],
    options: QueryOptions | undefined,
    { inTransaction }: { inTransaction: boolean },
  ): Promise<Results<T>> {
    const values = params.map((value, index) => this.#serialize(value, statement.paramTypes[index], options))
    const messages = await this.#send(
      protocol.serialize.bind({ statement: statement.name, values }),
      protocol.serialize.describe({ type: 'P' }),
      protocol.serialize.execute({}),
      protocol.serialize.sync(),
    )
    if (!inTransaction) await this.syncToFs()
    const [results] = parse.parseResults(messages, this.#parsersFor(options), { ...options, parsers: undefined }) as Results<T>[]
    if (!results) throw new Error(`No result for: ${text}`)
    return results
  }

  async #prepare(text: string, options?: QueryOptions): Promise<Statement> {
    if (this.#statements.size >= maxStatements) await this.#forget(this.#statements.keys().next().value ?? '')
    const name = `copydesk_${++this.#named}`
    const described = await this.#send(
      protocol.serialize.parse({ name, text, types: options?.paramTypes }),
      protocol.serialize.describe({ type: 'S', name }),
      protocol.serialize.sync(),
    )
    return { name, paramTypes: parse.parseDescribeStatementResults(described) }
  }

  /**
   * The parsers of a query's results: its own (drizzle brings some to every query) over PGlite's.
   * Given both, PGlite copies its 318 into a new object for every query, about 0.15 ms each (a
   * desk page makes about a dozen); with its own laid over them by prototype, a lookup finds the same.
   */
  #parsersFor(options?: QueryOptions): PGlite['parsers'] {
    if (!options?.parsers) return this.parsers
    return Object.assign(Object.create(this.parsers) as PGlite['parsers'], options.parsers)
  }

  /** Closes the statement prepared for `text`, if there is one. */
  async #forget(text: string): Promise<void> {
    const statement = this.#statements.get(text)
    if (!statement) return
    this.#statements.delete(text)
    await this.#send(protocol.serialize.close({ type: 'S', name: statement.name }), protocol.serialize.sync())
  }

  /** A parameter as text, the way PGlite's own `query` sends it. */
  #serialize(value: unknown, type: number | undefined, options?: QueryOptions): string | null {
    if (value === null || value === undefined) return null
    const serializer = type === undefined ? undefined : (options?.serializers?.[type] ?? this.serializers[type])
    return serializer ? serializer(value) : String(value)
  }

  /** Messages of the wire protocol, sent together in one buffer; the answers to all of them. */
  #send(...messages: Uint8Array[]) {
    const buffer = new Uint8Array(messages.reduce((length, message) => length + message.length, 0))
    let offset = 0
    for (const message of messages) {
      buffer.set(message, offset)
      offset += message.length
    }
    return this.execProtocolStream(buffer, { syncToFs: false })
  }
}

function isResultTypeChange(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === resultTypeChanged
}
