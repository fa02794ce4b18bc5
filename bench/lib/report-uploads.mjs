// The report's part for the upload flood (issue #16): the server's memory and the readers'
// latency while 50 uploads of 10 MB arrive at once.

const MB = 1024 * 1024
const fmt = (value, digits = 0) =>
  value === null || value === undefined || Number.isNaN(value)
    ? '–'
    : value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })
const mb = (bytes) => `${fmt(bytes / MB, 0)} MB`
const ms = (value) => `${fmt(value, value < 10 ? 1 : 0)} ms`
const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n')

/** Growth of resident memory over idle, and the readers' p95 during the flood. */
export const floodLimits = { growthBytes: 300 * MB, readerP95Ms: 100 }

/** The flood's targets, in the shape of report.mjs's. */
export function uploadTargets({ uploads }) {
  const growth = 'Server memory growth during the upload flood (peak VmRSS − idle)'
  const p95 = 'Story page p95 during the upload flood'
  if (!uploads || uploads.error) {
    const note = uploads?.error ?? 'skipped (--skip-uploads)'
    return [
      { figure: growth, value: null, target: `≤ ${mb(floodLimits.growthBytes)}`, result: 'n/a', note },
      { figure: p95, value: null, target: `< ${ms(floodLimits.readerP95Ms)}`, result: 'n/a', note },
    ]
  }
  const grew = uploads.memory.growthBytes
  const during = uploads.reader.during.p95
  return [
    {
      figure: growth,
      value: grew,
      display: mb(grew),
      target: `≤ ${mb(floodLimits.growthBytes)}`,
      result: grew <= floodLimits.growthBytes ? 'pass' : `miss by ${mb(grew - floodLimits.growthBytes)}`,
      pass: grew <= floodLimits.growthBytes,
    },
    {
      figure: p95,
      value: during,
      display: ms(during),
      target: `< ${ms(floodLimits.readerP95Ms)}`,
      result: during < floodLimits.readerP95Ms ? 'pass' : `miss by ${ms(during - floodLimits.readerP95Ms)}`,
      pass: during < floodLimits.readerP95Ms,
    },
  ]
}

/** One table line for the flood, or why it is missing. */
export function uploadMarkdown({ uploads }) {
  const out = ['### Upload flood', '']
  if (!uploads) return [...out, 'Skipped (--skip-uploads).', '']
  if (uploads.error) return [...out, `Not measured: ${uploads.error}`, '']
  const answers = Object.entries(uploads.statuses)
    .map(([status, count]) => `${status} × ${count}`)
    .join(', ')
  const { quiet, during, connections } = uploads.reader
  out.push(
    table(
      ['uploads', 'answers', 'flood', 'RSS idle → peak (growth)', 'max VmHWM', `story p50 / p95, ${connections} conns, before`, 'during'],
      [
        [
          `${uploads.uploads} × ${uploads.megabytes} MB at once`,
          answers,
          `${fmt(uploads.seconds, 1)} s`,
          `${mb(uploads.memory.idleRssBytes)} → ${mb(uploads.memory.peakRssBytes)} (+${mb(uploads.memory.growthBytes)})`,
          mb(uploads.memory.maxVmHwmBytes),
          `${ms(quiet.p50)} / ${ms(quiet.p95)}`,
          `${ms(during.p50)} / ${ms(during.p95)} (n=${fmt(during.n)}, ${during.errors} errors)`,
        ],
      ],
    ),
  )
  out.push('')
  return out
}
