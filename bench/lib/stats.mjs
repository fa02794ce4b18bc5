// Percentiles by nearest rank over samples in milliseconds.

/** The q-th quantile (0..1) of samples, nearest rank. */
export function percentile(samples, q) {
  if (samples.length === 0) return null
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil(q * sorted.length))
  return sorted[rank - 1]
}

/** `{ n, p50, p95, max, min, mean }`, rounded to 0.1 ms. */
export function summarize(samples) {
  const round = (value) => (value === null ? null : Math.round(value * 10) / 10)
  const mean = samples.length ? samples.reduce((sum, value) => sum + value, 0) / samples.length : null
  return {
    n: samples.length,
    p50: round(percentile(samples, 0.5)),
    p95: round(percentile(samples, 0.95)),
    max: round(samples.length ? Math.max(...samples) : null),
    min: round(samples.length ? Math.min(...samples) : null),
    mean: round(mean),
  }
}
