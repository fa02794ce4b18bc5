export async function register() {
  // The database is opened by the server alone, never while `next build` runs.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return
  const [{ startUp }, { seedDemo }] = await Promise.all([import('./lib/start-up'), import('./seed/demo')])
  await startUp(seedDemo)
}
