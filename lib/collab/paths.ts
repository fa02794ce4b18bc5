/** The one path on which server.mjs hands WebSocket upgrades to the sync server; every other upgrade goes to Next. */
export const collabPath = '/desk/collab'
