// The report's part for the edge (issue #18): the story page through the edge, as an nginx file
// and from the app alone, and publish-to-visible through the edge with two instances.

const fmt = (value, digits = 0) =>
  value === null || value === undefined || Number.isNaN(value)
    ? '–'
    : value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })
const ms = (value) => `${fmt(value, value < 10 ? 1 : 0)} ms`
const percent = (value) => `${(value * 100).toFixed(0)} %`
const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n')

/** The edge's targets, in the shape of report.mjs's. */
export function edgeTargets({ edge, cluster }) {
  const targets = []
  const missing = (figure, target, note) => ({ figure, value: null, target, result: 'n/a', note })
  if (!edge || edge.error) {
    const note = edge?.error ?? 'not measured'
    targets.push(missing('Story page through the edge ÷ nginx static req/s, 50 connections', '≥ 80 %', note))
    targets.push(missing('Story page through the edge p99 at 50 connections', '< 20 ms', note))
    targets.push(missing('App requests during the edge load (cached page views)', '= 0', note))
  } else {
    const ratio = edge.ratio50
    targets.push({
      figure: 'Story page through the edge ÷ nginx static req/s, 50 connections',
      value: ratio,
      target: '≥ 80 %',
      result:
        ratio >= 0.8 ? (ratio >= 0.9 ? 'pass (moonshot ≥ 90 % too)' : 'pass (moonshot 90 %: not yet)') : `miss by ${percent(0.8 - ratio)}`,
      pass: ratio >= 0.8,
    })
    const p99 = edge.pages.find((page) => page.key === 'edge').runs[50].latencyMs.p99
    targets.push({
      figure: 'Story page through the edge p99 at 50 connections',
      value: p99,
      target: '< 20 ms',
      result: p99 < 20 ? 'pass' : `miss by ${ms(p99 - 20)}`,
      pass: p99 < 20,
    })
    const app = edge.appDuringEdge
    const pass = app.estimatedRequests !== null && app.estimatedRequests <= app.resolutionRequests
    targets.push({
      figure: 'App requests during the edge load (cached page views)',
      value: app.estimatedRequests,
      display: appRequests(app),
      target: '= 0',
      result: app.estimatedRequests === null ? 'n/a' : pass ? 'pass (within the measurement resolution)' : 'miss',
      pass,
    })
  }
  if (cluster) {
    const figure = 'Publish to visible through the edge, 2 instances, p99 of 20'
    if (cluster.skipped || cluster.error) targets.push(missing(figure, '≤ 1,000 ms', cluster.skipped ?? cluster.error))
    else {
      const p99 = cluster.visibleMs.p99
      targets.push({
        figure,
        value: p99,
        target: '≤ 1,000 ms',
        result: p99 <= 1000 ? 'pass' : `miss by ${ms(p99 - 1000)}`,
        pass: p99 <= 1000,
      })
    }
  }
  return targets
}

/** `HIT × 3, MISS × 1`: what the edge first answered on the pages that were late. */
function lateStatuses(cluster) {
  const counts = new Map()
  for (const round of cluster.detail ?? [])
    for (const late of round.late ?? []) if (late.where === 'edge') counts.set(late.first, (counts.get(late.first) ?? 0) + 1)
  return [...counts].map(([status, count]) => `${status} × ${count}`).join(', ') || 'not recorded'
}

function appRequests(app) {
  if (app.estimatedRequests === null) return '–'
  return `≈ ${fmt(app.estimatedRequests)} of ${fmt(app.edgeRequests)} (± ${fmt(app.resolutionRequests)})`
}

/** The markdown sections, or an empty list when neither part ran. */
export function edgeMarkdown({ edge, cluster }) {
  const out = []
  if (edge) {
    out.push('### Story page through the edge, as a file, and from the app alone')
    out.push('')
    if (edge.error) out.push(`Not measured: ${edge.error}`, '')
    else {
      const staticRuns = edge.pages.find((page) => page.key === 'static').runs
      const rows = []
      for (const page of edge.pages) {
        for (const connections of ['10', '50']) {
          const run = page.runs[connections]
          const faults = run.non2xx + run.errors + run.timeouts
          rows.push([
            page.label,
            connections,
            fmt(run.rps) + (faults ? ` (${fmt(faults)} failed)` : ''),
            fmt(run.latencyMs.p50, 2),
            fmt(run.latencyMs.p99, 2),
            staticRuns[connections]?.rps ? percent(run.rps / staticRuns[connections].rps) : '–',
            fmt(run.appCpuMs),
            run.rpsOfEachRun.map((rps) => fmt(rps)).join(' · '),
          ])
        }
      }
      out.push(
        `Same story HTML (${fmt(edge.htmlBytes)} bytes from the app; the edge's cached copy ${edge.sameHtml ? 'is byte-identical' : `differs: ${fmt(edge.edgeHtmlBytes)} bytes`}), ` +
          `load by ${edge.tool} (${edge.threads} threads), ${edge.durationS} s per run, no compression, on the same CPUs as the servers; ` +
          `the edge and the file take turns, ${edge.pairs} runs each per level, and each row is the run with the median req/s. ` +
          `Warming: X-Cache-Status ${edge.warmStatuses.join(' → ')}; after the load: ${edge.afterLoadStatus}. ` +
          `Load average when it started: ${fmt(edge.loadAverage, 1)} on ${edge.cpus} CPUs.`,
      )
      out.push('')
      out.push(table(['way', 'conns', 'req/s', 'p50 ms', 'p99 ms', '÷ nginx static', 'app CPU ms', 'req/s of each run'], rows))
      out.push('')
      const app = edge.appDuringEdge
      out.push(
        `- **Edge ÷ nginx static at 50 connections: ${edge.ratio50 === null ? '–' : percent(edge.ratio50)}** (target ≥ 80 %, moonshot 90 %; at 10 connections ${edge.ratio10 === null ? '–' : percent(edge.ratio10)}).`,
      )
      out.push(
        `- App requests during the edge's load at 50 connections: ${appRequests(app)} — the app used ${fmt(app.appCpuMs)} ms of CPU while the edge served ${fmt(app.edgeRequests)} requests in ${app.edgeRuns} runs, against ${fmt(app.idleCpuMs)} ms idle over one run's time; one story page costs the app ${fmt(app.perRequestMs, 3)} ms. Method: ${app.method}.`,
      )
      out.push('')
    }
  }
  if (cluster) {
    out.push('### Publish to visible through the edge, two instances (PostgreSQL)')
    out.push('')
    if (cluster.skipped) out.push(`Not measured: ${cluster.skipped}`, '')
    else if (cluster.error) out.push(`Not measured: ${cluster.error}`, '')
    else {
      out.push(
        `Throwaway database ${cluster.database} on ${cluster.server} with the demo newsroom, dropped afterwards; ${cluster.rounds} rounds of a new headline on \`${cluster.story.path}\`, ` +
          `polled on ${cluster.pages.map((page) => `\`${page}\``).join(', ')} ${cluster.polled}. Times from the publish request answering until every page showed the headline.`,
      )
      const first = cluster.firstPollShows
      if (first)
        out.push(
          `- The first request after the publish answered already showed the headline through the edge ${first.edge} times of ${first.of}, on the other instance ${first.instance} times of ${first.of}` +
            (first.edge < first.of
              ? ` (through the edge, the first answers with the old headline were ${lateStatuses(cluster)}; each round's pages are in latest.json).`
              : '.'),
        )
      for (const note of cluster.notes) out.push(`- ${note}`)
      out.push('')
      const line = (summary) => `p50 ${ms(summary.p50)}, p99 ${ms(summary.p99)}, max ${ms(summary.max)}`
      out.push(
        table(
          ['figure', 'measured', 'target', 'result'],
          [
            [
              'Publish to visible, all pages, edge and other instance',
              line(cluster.visibleMs),
              '≤ 1,000 ms (p99)',
              cluster.visibleMs.p99 <= 1000 ? 'pass' : 'miss',
            ],
            ['… through the edge', line(cluster.edgeVisibleMs), '', ''],
            ['… on the other instance', line(cluster.instanceVisibleMs), '', ''],
            ['… the publish request itself', `p50 ${ms(cluster.publishRequestMs.p50)}, max ${ms(cluster.publishRequestMs.max)}`, '', ''],
          ],
        ),
      )
      out.push('')
    }
  }
  return out
}
