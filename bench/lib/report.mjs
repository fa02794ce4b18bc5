// The targets of issue #7 (and #18's edge, in report-edge.mjs; #14's writing together, in report-collab.mjs) and the markdown report of a run.
import { deskAtScaleRows } from './desk-at-scale.mjs'
import { deskTargetMs } from './desk.mjs'
import { collabMarkdown, collabTargets } from './report-collab.mjs'
import { keyToPaintRows } from './report-key-to-paint.mjs'
import { edgeMarkdown, edgeTargets } from './report-edge.mjs'
import { uploadMarkdown, uploadTargets } from './report-uploads.mjs'

const KB = 1024
const MB = 1024 * 1024

/** Each target: where its figure is in the results, and how it is judged. */
export function evaluateTargets(results) {
  const targets = []
  for (const [scope, run] of [
    ['embedded', results.embedded],
    ['postgres', results.postgres],
  ]) {
    if (!run) continue
    const where = scope === 'postgres' ? ' (PostgreSQL)' : ''
    if (run.error) {
      targets.push({ figure: `Database-bound figures${where}`, value: null, target: '–', result: 'n/a', note: run.error })
      continue
    }
    const story = run.reader.find((page) => page.key === 'story')
    const robots50 = results.embedded.baselines.robots.runs?.['50']?.rps
    if (scope === 'embedded') {
      const ratio = story?.runs?.['50'] && robots50 ? story.runs['50'].rps / robots50 : null
      targets.push(
        atLeast(
          'Story page req/s ÷ robots.txt req/s, 50 connections',
          ratio,
          0.8,
          (value) => `${(value * 100).toFixed(0)} %`,
          missingNote(story),
        ),
      )
    }
    for (const page of run.reader) {
      const p99 = page.runs?.['50']?.latencyMs.p99 ?? null
      targets.push(below(`${page.label} p99 at 50 connections${where}`, p99, 50, ms, missingNote(page)))
    }
    if (run.publish)
      targets.push(
        below(
          `Publish to visible, max of ${run.publish.rounds ?? 20}${where}`,
          run.publish.visibleMs?.max ?? null,
          1000,
          ms,
          run.publish.error,
        ),
      )
    const deskLimit = deskTargetMs(run.database.articles)
    for (const list of run.desk?.lists ?? []) targets.push(below(`Desk: ${list.label} p95${where}`, list.ms.p95, deskLimit, ms))
    if (run.desk?.error) targets.push(below(`Desk lists p95${where}`, null, deskLimit, ms, run.desk.error))
    if (run.memory) targets.push(atMost(`Server peak resident memory${where}`, run.memory.peakRssBytes, 300 * MB, mb))
  }
  const storyBytes = results.embedded.bytes?.routes?.find((route) => route.key === 'story')
  targets.push(atMost('Story page JavaScript, gzipped', storyBytes?.jsGz ?? null, 20 * KB, kb, storyBytes?.error))
  targets.push(atMost('Story page HTML + CSS + JS, gzipped', storyBytes?.totalGz ?? null, 60 * KB, kb, storyBytes?.error))
  const scale = results.deskAtScale
  const scaleWhere = scale?.database ? ` at ${fmt(scale.database.articles)} stories` : ' at scale'
  for (const list of scale?.desk?.lists ?? [])
    targets.push(below(`Desk: ${list.label} p95${scaleWhere}`, list.ms.p95, deskTargetMs(scale.database.articles), ms))
  if (scale?.error) targets.push(below(`Desk lists p95${scaleWhere}`, null, 50, ms, scale.error))
  return [...targets, ...edgeTargets(results), ...uploadTargets(results), ...collabTargets(results)]
}

function missingNote(page) {
  if (!page) return 'not measured'
  if (page.state === 'missing') return `${page.path} is missing (404)`
  if (page.state === 'error') return page.message
  return undefined
}

function judge(label, value, limit, format, passes, sign, note) {
  if (value === null || value === undefined)
    return { figure: label, value: null, target: `${sign} ${format(limit)}`, result: 'n/a', note: note ?? 'not measured' }
  const pass = passes(value)
  const by = Math.abs(value - limit)
  return { figure: label, value, target: `${sign} ${format(limit)}`, result: pass ? 'pass' : `miss by ${format(by)}`, pass }
}
const below = (label, value, limit, format, note) => judge(label, value, limit, format, (v) => v < limit, '<', note)
const atMost = (label, value, limit, format, note) => judge(label, value, limit, format, (v) => v <= limit, '≤', note)
const atLeast = (label, value, limit, format, note) => judge(label, value, limit, format, (v) => v >= limit, '≥', note)

const ms = (value) => `${fmt(value, value < 10 ? 1 : 0)} ms`
const kb = (bytes) => `${fmt(bytes / KB, 1)} KB`
const mb = (bytes) => `${fmt(bytes / MB, 0)} MB`

function fmt(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–'
  return value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n')

function loadRows(run, baselines, { withBaselineRows = true } = {}) {
  const rows = []
  const ratio = (value, base) => (value && base ? `${fmt(value / base, 2)}×` : '–')
  const pageRows = (label, path, page, isBaseline) => {
    if (page.state && page.state !== 'ok') {
      rows.push([label, `\`${path}\``, '–', page.state === 'missing' ? 'missing (404)' : `error: ${page.message}`, '', '', '', '', ''])
      return
    }
    for (const connections of ['10', '50']) {
      const measured = page.runs?.[connections]
      if (!measured) continue
      const faults = measured.non2xx + measured.errors + measured.timeouts
      rows.push([
        label,
        `\`${path}\``,
        connections,
        fmt(measured.rps) + (faults ? ` (${fmt(faults)} failed)` : ''),
        fmt(measured.latencyMs.p50),
        fmt(measured.latencyMs.p99),
        isBaseline === 'robots' ? '1.00×' : ratio(measured.rps, baselines.robots.runs?.[connections]?.rps),
        isBaseline === 'static' ? '1.00×' : ratio(measured.rps, baselines.static.runs?.[connections]?.rps),
        connections === '50' && !isBaseline ? (measured.latencyMs.p99 < 50 ? 'pass' : 'miss') : '',
      ])
    }
  }
  if (withBaselineRows) {
    pageRows(`baseline: ${baselines.robots.label}`, baselines.robots.path, baselines.robots, 'robots')
    pageRows(`baseline: ${baselines.static.label}`, baselines.static.path, baselines.static, 'static')
  }
  for (const page of run.reader) pageRows(page.label, page.path, page, false)
  return rows
}

/** The whole report as markdown. */
export function markdown(results) {
  const out = []
  const { machine, embedded } = results
  out.push(`## Copydesk bench, ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC`)
  out.push('')
  out.push(
    `${machine.cpus} × ${machine.cpuModel}, ${fmt(machine.memoryBytes / 1024 ** 3, 0)} GB, Node ${machine.node}, commit ${machine.commit}. ` +
      `${fmt(embedded.database.articles)} stories and ${fmt(embedded.database.revisions)} revisions; load by autocannon on loopback, ${results.options.duration} s per run, no compression.`,
  )
  for (const note of results.notes) out.push(`- ${note}`)
  out.push('')
  const loadHead = [
    'page',
    'path',
    'conns',
    'req/s',
    'p50 ms',
    'p99 ms',
    '÷ robots.txt',
    `÷ ${embedded.baselines.static.server}`,
    'p99 < 50 ms',
  ]
  out.push('### Reader pages (embedded database)')
  out.push('')
  out.push(table(loadHead, loadRows(embedded, embedded.baselines)))
  out.push('')

  out.push('### Publish to visible, desk, editor, memory')
  out.push('')
  const rows = []
  const addRunRows = (run, where) => {
    const p = run.publish
    if (p?.error) rows.push([`Publish to visible${where}`, `error: ${p.error}`, '< 1,000 ms (max)', 'n/a'])
    else if (p) {
      rows.push([
        `Publish to visible${where} (${p.rounds} rounds, from the publish answering)`,
        `median ${fmt(p.visibleMs.p50)} ms, max ${fmt(p.visibleMs.max)} ms`,
        '< 1,000 ms (max)',
        p.visibleMs.max < 1000 ? 'pass' : 'miss',
      ])
      rows.push([
        `… the publish request itself${where}`,
        `median ${fmt(p.publishRequestMs.p50)} ms, max ${fmt(p.publishRequestMs.max)} ms`,
        '',
        '',
      ])
      rows.push([
        `… from sending the publish to visible${where}`,
        `median ${fmt(p.sentToVisibleMs.p50)} ms, max ${fmt(p.sentToVisibleMs.max)} ms`,
        '',
        '',
      ])
    }
    const deskLimit = deskTargetMs(run.database.articles)
    if (run.desk?.error) rows.push([`Desk lists${where}`, `error: ${run.desk.error}`, `< ${deskLimit} ms (p95)`, 'n/a'])
    for (const list of run.desk?.lists ?? []) {
      const listed = list.listed === null ? '' : `, ${list.listed} stories`
      rows.push([
        `Desk: ${list.label}${where}${listed}`,
        `p50 ${fmt(list.ms.p50, 1)} ms, p95 ${fmt(list.ms.p95, 1)} ms (n=${list.ms.n})`,
        `< ${deskLimit} ms (p95)`,
        list.ms.p95 < deskLimit ? 'pass' : 'miss',
      ])
    }
    if (run.memory) {
      const load = run.memory.peakRssBytesByPhase?.load
      rows.push([
        `Server peak RSS${where}`,
        `${mb(run.memory.peakRssBytes)} (reader load: ${load ? mb(load) : '–'}; max VmHWM ${mb(run.memory.maxVmHwmBytes)})`,
        '≤ 300 MB',
        run.memory.peakRssBytes <= 300 * MB ? 'pass' : 'miss',
      ])
    }
  }
  addRunRows(embedded, '')
  rows.push(...deskAtScaleRows(results.deskAtScale))
  const editor = embedded.editor
  if (editor?.state === 'ok') rows.push(...keyToPaintRows(editor, `, ${fmt(editor.words)} words`))
  else if (editor) rows.push(['Editor key-to-paint, 20,000 words', `${editor.state}: ${editor.message}`, '', ''])
  out.push(table(['figure', 'measured', 'target', 'result'], rows))
  out.push('')
  if (embedded.desk?.method) out.push(`Desk times: ${embedded.desk.method}.`, '')

  out.push('### Bytes (gzipped, first visit)')
  out.push('')
  if (embedded.bytes?.error) out.push(`Not measured: ${embedded.bytes.error}\n`)
  out.push(
    table(
      ['route', 'path', 'HTML (inline JS, CSS included)', 'JS (files + inline)', 'CSS (files + inline)', 'HTML + CSS + JS'],
      (embedded.bytes?.routes ?? []).map((route) =>
        route.error
          ? [route.label, `\`${route.path}\``, route.error, '', '', '']
          : [
              route.label,
              `\`${route.path}\``,
              kb(route.htmlGz),
              `${kb(route.jsGz)} (${route.jsFiles} + ${route.inlineScripts})`,
              `${kb(route.cssGz)} (${route.cssFiles} + ${route.inlineStyles})`,
              kb(route.totalGz),
            ],
      ),
    ),
  )
  out.push('')

  if (results.postgres) {
    const pgRun = results.postgres
    out.push(
      pgRun.error ? '### PostgreSQL' : `### PostgreSQL (${pgRun.server}, throwaway database, ${fmt(pgRun.database.articles)} stories)`,
    )
    out.push('')
    if (pgRun.error) out.push(`Not measured: ${pgRun.error}`)
    else {
      out.push('Ratios are to the baselines above (same machine, same run).')
      out.push('')
      out.push(table(loadHead, loadRows(pgRun, embedded.baselines, { withBaselineRows: false })))
      out.push('')
      rows.length = 0
      addRunRows(pgRun, '')
      out.push(table(['figure', 'measured', 'target', 'result'], rows))
    }
    out.push('')
  }

  out.push(...edgeMarkdown(results))
  out.push(...uploadMarkdown(results))
  out.push(...collabMarkdown({ collab: results.collab }))
  out.push('### Targets')
  out.push('')
  out.push(
    table(
      ['target', 'measured', 'limit', 'result'],
      results.targets.map((target) => [
        target.figure,
        target.value === null ? (target.note ?? '–') : formatValue(target),
        target.target,
        target.result,
      ]),
    ),
  )
  return out.join('\n')
}

function formatValue(target) {
  if (target.display) return target.display
  if (target.target.endsWith('%')) return `${(target.value * 100).toFixed(0)} %`
  if (target.target.endsWith('KB')) return kb(target.value)
  if (target.target.endsWith('MB')) return mb(target.value)
  return ms(target.value)
}
