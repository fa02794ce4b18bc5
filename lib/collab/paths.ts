/** The one path on which server.mjs hands WebSocket upgrades to the sync server; every other upgrade goes to Next. */
export const collabPath = '/desk/collab'

/** The Yjs names of a story's shared parts (lib/collab/storage.ts writes them, the desk's editor binds to them). */
export const documentParts = { body: 'body', headline: 'headline', standfirst: 'standfirst' } as const

/**
 * A browser with this cookie set to `off` edits stories through the form alone, as before writing
 * together (the end-to-end tests of the form's own saving, merging and offline copy use it).
 */
export const writeTogetherCookie = 'copydesk-write-together'
