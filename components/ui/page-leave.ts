/**
 * Calls `leave` when the page goes away or is hidden (a phone switching apps may never say
 * `pagehide`), the moment to keep what was typed; answers how to stop listening.
 */
export function whenPageLeaves(leave: () => void): () => void {
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') leave()
  }
  window.addEventListener('pagehide', leave)
  document.addEventListener('visibilitychange', onVisibility)
  return () => {
    window.removeEventListener('pagehide', leave)
    document.removeEventListener('visibilitychange', onVisibility)
  }
}
