import pg from 'pg'

// The PostgreSQL server the data tests use with DATA_TEST_DRIVER=pg: throwaway databases on it.

/** `TEST_DATABASE_URL`, which names the server and a database to connect to for creating others. */
export function testServerUrl(): string {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) throw new Error('DATA_TEST_DRIVER=pg needs TEST_DATABASE_URL (postgres://user@host:5432/db).')
  return serverUrl
}

/** The address of another database on the same server. */
export function serverDatabaseUrl(database: string): string {
  const url = new URL(testServerUrl())
  url.pathname = `/${database}`
  return url.href
}

/** Runs one statement (create or drop a database) on the server's own database. */
export async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: testServerUrl() })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}
