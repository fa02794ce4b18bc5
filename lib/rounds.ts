// The background work of an instance (the scheduler, mail, webhook deliveries) runs in rounds:
// one now, then one `intervalMs` after each ends, so that two rounds never overlap. Each caller
// logs its own failures in words of its own; one that escapes is logged here, and the next round
// goes ahead all the same.

/** Runs `round` now and then every `intervalMs`; returns a stop function that waits for a round under way. */
export function repeatRounds(round: () => Promise<void>, intervalMs: number): () => Promise<void> {
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> = Promise.resolve()
  const run = async () => {
    try {
      await round()
    } catch (error) {
      console.error('Copydesk: a background round failed; the next one goes ahead:', error)
    }
    if (stopped) return
    timer = setTimeout(() => {
      running = run()
    }, intervalMs)
    // A pending round must not keep the process alive on its own.
    timer.unref?.()
  }
  running = run()
  return async () => {
    stopped = true
    clearTimeout(timer)
    await running
  }
}
