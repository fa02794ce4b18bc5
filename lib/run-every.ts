/**
 * Runs `work` now and then `intervalMs` after each run ends (runs never overlap), until the
 * returned function is called, which waits for a run in progress. A run that throws goes to
 * `onError`, and the next one goes ahead. A pending run does not keep the process alive.
 */
export function runEvery(intervalMs: number, work: () => Promise<void>, onError: (error: unknown) => void): () => Promise<void> {
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> = Promise.resolve()
  const run = async () => {
    try {
      await work()
    } catch (error) {
      onError(error)
    }
    if (!stopped) {
      timer = setTimeout(() => (running = run()), intervalMs)
      timer.unref?.()
    }
  }
  running = run()
  return async () => {
    stopped = true
    clearTimeout(timer)
    await running
  }
}
