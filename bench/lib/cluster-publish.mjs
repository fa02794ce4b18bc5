// Publish-to-visible through the edge with two instances: a throwaway PostgreSQL database with
// the demo newsroom, scripts/cluster's startCluster (two app instances and the nginx edge, s3rver
// for media), then rounds of a new headline published on one instance (alternating) while the
// harness polls every page that shows the story, through the edge and on the other instance.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { startCluster } from '../../scripts/cluster/cluster.mjs'
import { checkPostgres, createThrowawayDatabase, pickStories } from './database.mjs'
import { postJson, request } from './http.mjs'
import { BenchError, assertPortFree, keepSignalsOurs, onCleanup } from './processes.mjs'
import { currentDraft } from './publish.mjs'
import { signIn } from './sign-in.mjs'
import { percentile, summarize } from './stats.mjs'

export const defaultPostgresUrl = 'postgres://postgres@127.0.0.1:5432/postgres'
const pollGapMs = 5
const visibleWithinMs = 15_000

/**
 * Resolves with `{ skipped }` when PostgreSQL does not answer, else with the times from each
 * publish answering until every page showed the new headline everywhere polled.
 * @param {{ edgePort: number, rounds?: number, distDir: string, authSecret: string, log: (line: string) => void }} args
 */
export async function clusterPublish({ edgePort, rounds = 20, distDir, authSecret, log }) {
  const raw = process.env.BENCH_DATABASE_URL?.trim() || defaultPostgresUrl
  const server = (() => {
    try {
      const url = new URL(raw)
      return `${url.hostname}:${url.port || 5432}`
    } catch {
      return raw
    }
  })()
  try {
    await checkPostgres(raw)
  } catch (error) {
    return { skipped: `PostgreSQL does not answer (${error.message}): publish-to-visible through the edge was not measured.` }
  }
  const basePort = edgePort + 1
  for (const [port, what] of [
    [edgePort, 'cluster edge'],
    [basePort, 'cluster instance 1'],
    [basePort + 1, 'cluster instance 2'],
  ])
    await assertPortFree(port, what)

  const database = await createThrowawayDatabase(raw)
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-cluster-'))
  const removeDir = onCleanup(() => fs.rmSync(runDir, { recursive: true, force: true }))
  log(`Cluster: two instances on ${database.name} (${server}), the edge on port ${edgePort}, s3rver for media.`)
  let cluster = null
  const stopCluster = onCleanup(async () => cluster?.stop())
  cluster = await keepSignalsOurs(() =>
    startCluster({
      instances: 2,
      edgePort,
      basePort,
      distDir,
      s3: true,
      runDir,
      env: { DATABASE_URL: database.url, COPYDESK_SEED_DEMO: '1', AUTH_SECRET: authSecret },
    }),
  )
  try {
    const story = (await pickStories({ driver: 'pg', url: database.url })).reader
    const sectionPath = story.path.split('/').slice(0, -1).join('/')
    const [first, second] = cluster.instanceUrls
    const candidates = [story.path, '/', sectionPath, '/feed.xml']
    // A page that does not show the story at all could never show its new headline.
    const pages = []
    const notes = []
    for (const page of candidates) {
      const answer = await request(`${cluster.edgeUrl}${page}`)
      if (answer.status === 200 && answer.body.includes(story.path)) pages.push(page)
      else notes.push(`${page} does not show ${story.path} (answered ${answer.status}): not polled.`)
    }
    log(`Cluster: signing in as editor@copydesk.test on instance 1; ${rounds} rounds on ${story.path}.`)
    const jar = await signIn(first, 'editor@copydesk.test')
    const draft = await currentDraft(first, jar, story)
    let version = draft.version
    const visibleMs = []
    const byWhere = { edge: [], instance: [] }
    const publishMs = []
    const firstPoll = { edge: 0, instance: 0 }
    const detail = []
    for (let round = 1; round <= rounds; round++) {
      const [publisher, other] = round % 2 === 1 ? [first, second] : [second, first]
      const marker = `bench ${Date.now()}-${round}`
      const saved = await postJson(
        `${publisher}/desk/articles/${story.id}/revisions`,
        { draft: { ...draft.draft, headline: `${draft.draft.headline} (${marker})` }, baseVersion: version, kind: 'save' },
        jar,
      )
      if (!saved.json?.ok)
        throw new BenchError(`Saving a new headline failed: ${saved.status} ${saved.json?.message ?? saved.body.slice(0, 200)}`)
      const published = await postJson(
        `${publisher}/desk/articles/${story.id}/workflow`,
        { action: 'publish', baseVersion: saved.json.version },
        jar,
      )
      if (!published.json?.ok)
        throw new BenchError(`Publishing failed: ${published.status} ${published.json?.message ?? published.body.slice(0, 200)}`)
      const answeredAt = performance.now()
      version = published.json.version
      publishMs.push(published.ms)
      const polls = []
      for (const [where, base] of [
        ['edge', cluster.edgeUrl],
        ['instance', other],
      ])
        for (const page of pages) polls.push(waitFor(`${base}${page}`, marker, answeredAt).then((seen) => ({ where, page, ...seen })))
      const seen = await Promise.all(polls)
      for (const poll of seen) if (poll.polls === 1) firstPoll[poll.where]++
      detail.push({
        round,
        publishedOn: publisher === first ? 1 : 2,
        visibleMs: Object.fromEntries(seen.map((poll) => [`${poll.where} ${poll.page}`, Math.round(poll.ms * 10) / 10])),
        // Pages that still showed the old headline after the publish answered: how many requests
        // until the new one, and what the first of them answered (its X-Cache-Status through the edge).
        late: seen
          .filter((poll) => poll.polls > 1)
          .map((poll) => ({ where: poll.where, page: poll.page, polls: poll.polls, first: poll.first })),
      })
      for (const where of ['edge', 'instance']) byWhere[where].push(Math.max(...seen.filter((s) => s.where === where).map((s) => s.ms)))
      visibleMs.push(Math.max(...seen.map((s) => s.ms)))
    }
    const p99 = (samples) => Math.round(percentile(samples, 0.99) * 10) / 10
    return {
      server,
      database: database.name,
      instances: 2,
      story: { id: story.id, path: story.path },
      pages,
      notes,
      rounds,
      polled: 'through the edge, and directly on the instance that did not publish (rounds alternate between instances 1 and 2)',
      visibleMs: { ...summarize(visibleMs), p99: p99(visibleMs) },
      edgeVisibleMs: { ...summarize(byWhere.edge), p99: p99(byWhere.edge) },
      instanceVisibleMs: { ...summarize(byWhere.instance), p99: p99(byWhere.instance) },
      publishRequestMs: summarize(publishMs),
      samplesMs: visibleMs.map((ms) => Math.round(ms * 10) / 10),
      // How often the very first request after the publish answered already showed the headline.
      firstPollShows: { ...firstPoll, of: rounds * pages.length },
      detail,
    }
  } finally {
    await stopCluster()
    await database.drop()
    await removeDir()
  }
}

/**
 * Polls `url` until its body holds `marker`; resolves with `{ ms, polls, first }`: ms since
 * `since`, the number of requests, and the status and X-Cache-Status of the first answer.
 */
async function waitFor(url, marker, since) {
  let first = null
  for (let polls = 1; ; polls++) {
    const answer = await request(url)
    first ??= `${answer.status} ${answer.headers['x-cache-status'] ?? ''}`.trim()
    if (answer.status === 200 && answer.body.includes(marker)) return { ms: performance.now() - since, polls, first }
    if (performance.now() - since > visibleWithinMs)
      throw new BenchError(`The new headline did not show on ${url} within ${visibleWithinMs / 1000} s (last answer ${answer.status}).`)
    await sleep(pollGapMs)
  }
}
