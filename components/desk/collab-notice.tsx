import type { CollabState } from './use-story-collab'

/** Says whether the story is written together now, read only, or saved by the form alone (and why). */
export function CollabNotice({ state }: { state: CollabState }) {
  if (state.kind === 'off') return null
  const text =
    state.kind === 'connecting'
      ? 'Connecting to the shared story…'
      : state.kind === 'unavailable'
        ? state.message
        : state.isReadOnly
          ? `Read only: you may read this story but not change it.${state.message ? ` ${state.message}` : ''}`
          : !state.isConnected
            ? 'Reconnecting to the shared story… What you type is kept in this browser and sent when the connection is back.'
            : `Writing together: the headline, standfirst and body are shared as you type, and kept as revisions by the desk.${state.message ? ` ${state.message}` : ''}`
  return (
    <p className={`collab-notice collab-notice-${state.kind}`} role="status" aria-label="Writing together">
      {text}
    </p>
  )
}
