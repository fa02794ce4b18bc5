// Desk lists at full size: the whole /desk page (the list's query, the queue counts, the news
// box, the filters' options) fetched over HTTP with a signed-in cookie, one request at a time,
// so that each sample is the server's time for one page plus loopback.
import fs from 'node:fs'
import { BenchError } from './processes.mjs'
import { postJson, request } from './http.mjs'
import { currentDraft } from './publish.mjs'
import { summarize } from './stats.mjs'

/**
 * Issue #12's target for the whole /desk page, p95: 30 ms at 10,000 stories, 50 ms at 100,000.
 * The bench's 10,000 are synthetic, on top of the demo newsroom's dozen: that size counts as 10,000.
 */
export const deskTargetMs = (articles) => (articles < 50_000 ? 30 : 50)

/**
 * The three lists of the issue. `filter` narrows "All stories" to one section and a state, the
 * way the desk's filter form does.
 */
export function deskCases({ editorJar, writerJar, sectionId }) {
  const cases = [
    { key: 'review', label: 'Review queue (editor)', query: 'queue=review', jar: editorJar },
    { key: 'drafts', label: 'My drafts (writer)', query: 'queue=drafts', jar: writerJar },
    {
      key: 'filtered',
      label: 'All stories, section + state filter (editor)',
      query: `queue=all&sectionId=${sectionId}&status=published`,
      jar: editorJar,
    },
  ]
  // Warming up, the list's later pages: read afresh the first time each is asked for.
  return cases.map((deskCase) => ({ ...deskCase, warmUpQuery: (round) => `${deskCase.query}&page=${2 + (round % 3)}` }))
}

/**
 * The desk's search, a new query on every request (so that nothing the desk keeps answers it):
 * `q` with one more word of the synthetic stories' (seed/synthetic-words.ts) per request, in
 * "All stories" as an editor and in "My drafts" as a writer.
 */
export function searchCases({ editorJar, writerJar }) {
  const source = fs.readFileSync(new URL('../../seed/synthetic-words.ts', import.meta.url), 'utf8')
  const words = [...new Set([...source.matchAll(/^ {2}'([A-Za-z]+)/gm)].map((match) => match[1]))]
  // The index-th request's query: the list, a common word, and one more that changes every request.
  const query = (list, common) => (index) =>
    `queue=${list}&q=${encodeURIComponent(`${common} ${words[index % words.length]}`)}&page=${1 + Math.floor(index / words.length)}`
  // Warming up, another common word: no search measured is one the desk has seen.
  return [
    {
      key: 'search',
      label: 'All stories, searched (editor)',
      query: query('all', 'council'),
      warmUpQuery: query('all', 'board'),
      jar: editorJar,
    },
    {
      key: 'search-drafts',
      label: 'My drafts, searched (writer)',
      query: query('drafts', 'report'),
      warmUpQuery: query('drafts', 'board'),
      jar: writerJar,
    },
  ]
}

/**
 * How many rounds of every case's `warmUpQuery` a freshly started server gets before anything is
 * measured. V8 compiles the hot code of a page over its first few hundred requests: measured from
 * the start, the desk's lists at 10,012 stories were 5-10 ms slower at p95 than after these rounds
 * (README "Benchmark"), which is the server starting, not the desk.
 */
const warmUpRounds = 60

/** Warms the server up: `warmUpRounds` rounds of every case's `warmUpQuery`, each after `beforeEach` (a change, if any). */
export async function warmUpDesk(base, cases, { beforeEach } = {}) {
  for (let round = 0; round < warmUpRounds; round++)
    for (const deskCase of cases) {
      await beforeEach?.()
      const answer = await request(`${base}/desk?${deskCase.warmUpQuery(round)}`, { jar: deskCase.jar })
      if (answer.status !== 200) throw new BenchError(`Warming up, GET /desk?${deskCase.warmUpQuery(round)} answered ${answer.status}.`)
    }
}

/**
 * A change to the desk, as a newsroom where someone is writing makes all the time: each call saves
 * the story `articleId` again as the editor's autosave (its headline one mark longer), so that the
 * next desk view finds nothing it kept (lib/desk-kept.ts) and reads everything again.
 */
export async function deskChanger({ base, jar, articleId, sectionId }) {
  let { version, draft } = await currentDraft(base, jar, { id: articleId, version: 2, sectionId })
  let count = 0
  return async () => {
    count += 1
    const changed = { ...draft, headline: `${draft.headline.replace(/ ·\d+$/, '')} ·${count}` }
    const saved = await postJson(
      `${base}/desk/articles/${articleId}/revisions`,
      { draft: changed, baseVersion: version, kind: 'autosave' },
      jar,
    )
    if (!saved.json?.ok) throw new BenchError(`Changing story ${articleId} failed: ${saved.status} ${saved.json?.message ?? ''}`.trim())
    version = saved.json.version
    draft = changed
  }
}

/**
 * p50 and p95 over `samples` sequential requests per list, after the server's warm-up
 * (`warmUpDesk`) and a few unmeasured requests of the list itself; a list
 * slower than `budgetMs` in all stops there (with at least `minSamples`), to bound the run.
 */
export async function measureDesk(base, cases, { samples = 120, minSamples = 100, warmup = 5, budgetMs = 40_000 } = {}) {
  await warmUpDesk(base, cases)
  const results = []
  for (const deskCase of cases) {
    const url = `${base}/desk?${deskCase.query}`
    const times = []
    let total = null
    const started = performance.now()
    for (let index = 0; index < warmup + samples; index++) {
      if (times.length >= minSamples && performance.now() - started > budgetMs) break
      const answer = await request(url, { jar: deskCase.jar })
      if (answer.status !== 200) {
        throw new BenchError(
          `GET /desk?${deskCase.query} answered ${answer.status}${answer.headers.location ? ` (to ${answer.headers.location})` : ''}: is the session cookie accepted?`,
        )
      }
      if (index < warmup) {
        // React separates adjacent text with comments: "(<!-- -->1,234<!-- --> stories)"; past
        // the desk's count cap it says "1,000+".
        total = /\((?:<!-- -->)?([\d,]+\+?)(?:<!-- -->)? stories\)/.exec(answer.body)?.[1] ?? total
        continue
      }
      times.push(answer.ms)
    }
    results.push({
      key: deskCase.key,
      label: deskCase.label,
      path: `/desk?${deskCase.query}`,
      listed: total,
      ms: summarize(times),
    })
  }
  return results
}
