// The browser's own store of copies (IndexedDB): the form's unsaved edits (local-draft.ts) and the
// shared story's unsent typing (kept-copy-store.ts), each in its own object store.
const databaseName = 'copydesk'
/** Every object store of the database: a new one is made by raising `version`. */
const storeNames = ['story-drafts', 'shared-copies'] as const
const version = 2
export type DeviceStoreName = (typeof storeNames)[number]

let opened: Promise<IDBDatabase> | null = null
// One operation at a time, in the order asked, so that a clear is never overtaken by an older write.
let queue: Promise<unknown> = Promise.resolve()

function openDatabase(): Promise<IDBDatabase> {
  opened ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = window.indexedDB.open(databaseName, version)
    request.onupgradeneeded = () => {
      for (const name of storeNames) if (!request.result.objectStoreNames.contains(name)) request.result.createObjectStore(name)
    }
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  }).catch((error: unknown) => {
    opened = null
    throw error
  })
  return opened
}

/** Runs one request on `storeName` in a transaction of its own; rejects when the browser refuses. */
export function runOnDevice<T>(
  storeName: DeviceStoreName,
  mode: IDBTransactionMode,
  operation: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const next = queue.then(
    async () =>
      new Promise<T>((resolve, reject) => {
        void openDatabase()
          .then((database) => {
            const transaction = database.transaction(storeName, mode)
            const request = operation(transaction.objectStore(storeName))
            transaction.oncomplete = () => resolve(request.result)
            transaction.onerror = () => reject(transaction.error ?? request.error)
            transaction.onabort = () => reject(transaction.error ?? new Error('The device copy was not written.'))
          })
          .catch(reject)
      }),
  )
  queue = next.catch(() => undefined)
  return next
}
