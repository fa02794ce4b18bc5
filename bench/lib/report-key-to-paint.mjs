// Key-to-paint in a long story and the main thread's time per key, each beside a bare
// contenteditable's in the same run: rows of the report (bench/lib/report.mjs, report-collab.mjs).

const fmt = (value) => (value === null || value === undefined ? '–' : value.toLocaleString('en-GB', { maximumFractionDigits: 1 }))
const times = ({ p50, p95, max }) => `median ${fmt(p50)} ms, p95 ${fmt(p95)} ms, max ${fmt(max)} ms`

/** The limit the main thread's p95 per key is judged on (issue #14: "key-to-paint p95 < 16 ms"). */
export const mainThreadLimitMs = 16

/**
 * `figures` as bench/editor-latency.mjs gives them (`keyToPaint`, `mainThread`, `bare`), as
 * [figure, measured, target, result] rows; `where` ends the figures' names.
 */
export function keyToPaintRows(figures, where) {
  const { keyToPaint, mainThread, bare } = figures
  const thread = (m) =>
    `CPU ${times(m.cpu)}, mean ${fmt(m.cpu.mean)} ms; busy (wall) p95 ${fmt(m.wall.p95)} ms; style, layout and paint ${fmt(m.renderingMs)} ms a key`
  return [
    [
      `Key-to-paint${where}: keydown to the next frame after the text changed`,
      `${times(keyToPaint)} (${keyToPaint.n} keys); a bare contenteditable of as many words, the same run: ${times(bare.keyToPaint)}`,
      'reported (a key waits up to 16.7 ms for the next frame in any page)',
      '',
    ],
    [
      `Main thread per key${where}: the renderer's CPU time from a keydown to the next key (trace)`,
      `${thread(mainThread)} (${mainThread.keys} keys); the bare contenteditable: ${thread(bare.mainThread)}`,
      `< ${mainThreadLimitMs} ms (p95)`,
      mainThread.cpu.p95 < mainThreadLimitMs ? 'pass' : 'miss',
    ],
  ]
}
