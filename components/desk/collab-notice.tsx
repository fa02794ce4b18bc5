import { keptOnDevice } from './save-status-line'
import type { CollabState } from './use-story-collab'

type CollabNoticeProps = {
  state: CollabState
  /** Typing the sync server does not have yet is kept on this device (components/desk/use-kept-copy.ts). */
  isKeeping: boolean
}

/** While a copy kept on this device waits for the sync server, and the person types on into it. */
const typedWhileWaiting =
  'What you type is kept on this device and not yet shared with anyone: it goes into the shared story when the sync server answers.'

/**
 * Says whether the story is written together now, read only, or saved by the form alone (and why),
 * and when typing the sync server has not had yet is kept on this device.
 */
export function CollabNotice({ state, isKeeping }: CollabNoticeProps) {
  if (state.kind === 'off') return null
  const kept = isKeeping ? ` ${keptOnDevice}` : ''
  const text =
    state.kind === 'connecting'
      ? `Connecting to the shared story…${isKeeping ? ` ${typedWhileWaiting}` : ''}`
      : state.kind === 'unavailable'
        ? `${state.message}${isKeeping ? ` Your typing in the shared story is kept on this device and goes into it when it next opens.` : ''}`
        : state.isReadOnly
          ? `Read only: you may read this story but not change it.${state.message ? ` ${state.message}` : ''}`
          : !state.isConnected
            ? `Reconnecting to the shared story… What you type is kept in this browser and sent when the connection is back.${kept}`
            : `Writing together: the headline, standfirst and body are shared as you type, and kept as revisions by the desk.${state.message ? ` ${state.message}` : ''}${kept}`
  return (
    <p className={`collab-notice collab-notice-${state.kind}`} role="status" aria-label="Writing together">
      {text}
    </p>
  )
}
