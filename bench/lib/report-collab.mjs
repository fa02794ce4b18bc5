// Issue #14's targets for writing together, and their part of the markdown report.
import { keyToPaintRows, mainThreadLimitMs } from './report-key-to-paint.mjs'

const MB = 1024 * 1024
const fmt = (value, digits = 0) =>
  value === null || value === undefined || Number.isNaN(value)
    ? '–'
    : value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })
const ms = (value) => `${fmt(value, value < 10 ? 1 : 0)} ms`
const percent = (share) => `${fmt(share * 100, 1)} % of a core`
const heap = (bytes) => (bytes === null ? '–' : `${fmt(bytes / MB, 1)} MB`)
const perDocument = (memory) =>
  memory.heapPerDocumentBytes === null
    ? `${fmt(memory.rssPerDocumentBytes / MB, 2)} MB of RSS`
    : `${fmt(memory.heapPerDocumentBytes / 1024)} KB of V8 heap`

/** Targets judged on `results.collab` (absent when the step was skipped). */
export function collabTargets(results) {
  const collab = results.collab
  if (!collab) return []
  const typing = collab.typing
  const long = collab.longStory
  const why = collab.error ?? collab.browsers?.message
  const rows = [
    below('Writing together: a key shown in the other browsers p95 (5 editors, 5,000 words)', typing?.shownMs.p95, 100, why),
    below('Main thread CPU per key p95, 20,000 words, writing together', long?.mainThread.cpu.p95, mainThreadLimitMs, why),
  ]
  if (typing) {
    const cpu = typing.serverCpu
    rows.push(reported('Server CPU per active document (5 editors typing)', percent(cpu.typing.shareOfCore / cpu.activeDocuments)))
  }
  if (collab.memory) rows.push(reported('Server memory per open document (5,000 words)', perDocument(collab.memory)))
  return rows
}

function below(figure, value, limit, note) {
  if (value === null || value === undefined)
    return { figure, value: null, target: `< ${ms(limit)}`, result: 'n/a', note: note ?? 'not measured' }
  const pass = value < limit
  return { figure, value, target: `< ${ms(limit)}`, result: pass ? 'pass' : `miss by ${ms(value - limit)}`, pass }
}

const reported = (figure, display) => ({ figure, value: 0, display, target: 'reported', result: 'reported' })

/** The writing-together section of the report, as markdown lines. */
export function collabMarkdown({ collab, load }) {
  if (!collab) return []
  const out = ['### Writing together (issue #14)', '']
  if (collab.error) return [...out, `Not measured: ${collab.error}`, '']
  if (load) out.push(`Load average ${fmt(load.atStart, 1)} at the start, ${fmt(load.atEnd, 1)} at the end, on ${load.cpus} CPUs.`, '')
  const rows = []
  const { typing, longStory, memory } = collab
  if (collab.browsers) rows.push(['Browsers', `${collab.browsers.state}: ${collab.browsers.message}`, '', ''])
  if (typing) {
    const shown = typing.shownMs
    rows.push([
      `A key shown in the other browsers: ${typing.typists} editors typing at once in one ${fmt(typing.words)}-word story, ${typing.keysEach} keys each, one every ${typing.intervalMs} ms`,
      `p50 ${ms(shown.p50)}, p95 ${ms(shown.p95)}, max ${ms(shown.max)} (n=${fmt(shown.n)}); ${typing.missing} never shown; ${typing.converged ? 'all pages ended with the same text' : 'the pages ended with different texts'}`,
      '< 100 ms (p95)',
      shown.p95 !== null && shown.p95 < 100 && typing.missing === 0 ? 'pass' : 'miss',
    ])
    const relayed = typing.relayedMs
    rows.push([
      '… the same keys, from key press to a sync client in the bench process (through the server; no browser rendering on arrival)',
      `p50 ${ms(relayed.p50)}, p95 ${ms(relayed.p95)}, max ${ms(relayed.max)} (n=${fmt(relayed.n)})`,
      '',
      '',
    ])
    const loop = typing.loopDelayMs
    if (loop)
      rows.push([
        '… the server’s event-loop delay meanwhile (perf_hooks, 10 ms resolution)',
        `p50 ${ms(loop.p50)}, p99 ${ms(loop.p99)}, max ${ms(loop.max)}`,
        '',
        '',
      ])
    const cpu = typing.serverCpu
    rows.push([
      `Server CPU per active document (${cpu.activeDocuments} document, while they typed)`,
      `${percent(cpu.typing.shareOfCore / cpu.activeDocuments)} (${fmt(cpu.typing.cpuMs)} ms CPU in ${fmt(cpu.typing.wallMs)} ms); idle with the pages open: ${percent(cpu.idle.shareOfCore)}`,
      'reported',
      '',
    ])
  }
  if (longStory) rows.push(...keyToPaintRows(longStory, `, ${fmt(longStory.words)}-word story, writing together, a second editor on it`))
  if (memory) {
    rows.push([
      `Server memory per open document (${memory.documents} stories of ${fmt(memory.words)} words, ${fmt(memory.meanBodyChars)} characters of body on average, one sync client each)`,
      `${perDocument(memory)}: V8 heap after a full collection ${heap(memory.heapBeforeBytes)} → ${heap(memory.heapAfterBytes)}; RSS ${fmt(memory.rssBeforeBytes / MB)} → ${fmt(memory.rssAfterBytes / MB)} MB (${fmt(memory.rssPerDocumentBytes / MB, 2)} MB per document)${memory.documentsHeld ? `; documents held by the sync server ${memory.documentsHeld.before} → ${memory.documentsHeld.after}` : ''}`,
      'reported',
      '',
    ])
  }
  out.push('| figure | measured | target | result |', '| --- | --- | --- | --- |', ...rows.map((row) => `| ${row.join(' | ')} |`), '')
  out.push(
    'A key is timed from its keydown in the typing page to its character in each other page’s DOM (a MutationObserver), on one clock (`performance.timeOrigin + performance.now()`, the same machine). CPU: utime + stime of the server and its children from /proc. Memory: the server’s V8 heap right after a full garbage collection (through its inspector, opened for this with SIGUSR1) and its RSS (median of 5 samples), before and after the sync clients opened their stories, divided by their number.',
    '',
  )
  return out
}
