import { HocuspocusProvider } from '@hocuspocus/provider'

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }

/**
 * The connection of a shared story. Hocuspocus's provider (3.4) sends the server every change of
 * the awareness, also each one it has just received from the server: another person's caret moving
 * with every key came back from each browser on the story, only for the server to read and drop it
 * (it has that state already). Those go out no more; this person's own changes (their caret, their
 * name) and the states this browser finds timed out still do.
 */
export class StoryProvider extends HocuspocusProvider {
  override awarenessUpdateHandler(change: AwarenessChange, origin: unknown): void {
    if (origin === this) return
    super.awarenessUpdateHandler(change, origin)
  }
}
