// The desk again on a larger archive (issue #12: the whole /desk page p95 < 30 ms at 10,000
// stories and < 50 ms at 100,000): the bench's embedded database is grown with the same
// synthetic seed, the app is started on it again, and only the desk lists are measured.
import path from 'node:path'
import { pickStories, seed } from './database.mjs'
import { deskCases, deskTargetMs, measureDesk } from './desk.mjs'
import { startServer } from './server.mjs'
import { signIn } from './sign-in.mjs'

/** Grows the database from `have` to `articles` stories and measures the desk there. */
export async function deskAtScale({ articles, have, env, port, logFile, log }) {
  const extra = articles - have
  log(`Desk at scale: adding ${extra.toLocaleString('en-GB')} synthetic stories (${articles.toLocaleString('en-GB')} in all).`)
  const seeded = await seed({ articles: extra, env: env.seed, label: 'embedded, at scale' })
  const stories = await pickStories({ driver: 'pglite', dataDir: path.join(env.seed.COPYDESK_DATA_DIR, 'pglite') })
  log(`Desk at scale: seeded in ${seeded.seconds} s; starting the app (server.mjs) on port ${port}.`)
  const server = await startServer({ port, env: env.server, logFile, label: 'embedded, at scale' })
  try {
    const jars = {
      editorJar: await signIn(server.base, 'editor@copydesk.test'),
      writerJar: await signIn(server.base, 'writer@copydesk.test'),
    }
    log('Desk at scale: 3 × 100–120 sequential requests.')
    const lists = await measureDesk(server.base, deskCases({ ...jars, sectionId: stories.reader.sectionId }))
    return {
      database: { articles: stories.counts.articles, revisions: stories.counts.revisions, seedSeconds: seeded.seconds },
      desk: { lists },
    }
  } finally {
    await server.stop()
  }
}

/** The report's rows for it: [figure, measured, target, result]. */
export function deskAtScaleRows(scale) {
  if (!scale) return []
  if (scale.error) return [['Desk lists at scale', `error: ${scale.error}`, '', 'n/a']]
  const limit = deskTargetMs(scale.database.articles)
  return scale.desk.lists.map((list) => [
    `Desk: ${list.label}, ${scale.database.articles.toLocaleString('en-GB')} stories (${list.listed ?? '?'} listed)`,
    `p50 ${list.ms.p50.toFixed(1)} ms, p95 ${list.ms.p95.toFixed(1)} ms (n=${list.ms.n})`,
    `< ${limit} ms (p95)`,
    list.ms.p95 < limit ? 'pass' : 'miss',
  ])
}
