// What a page that writes together loads on demand (components/desk/sharing-code.ts): Yjs and
// everything here that reads or writes a shared document.
export { encodeStateAsUpdate, encodeStateVector, snapshot, snapshotContainsUpdate } from 'yjs'
export { watchFieldConflicts } from '@/lib/collab/field-conflicts'
export { writerNames, writersMapOf } from '@/lib/collab/writers'
export { keptCopyOf, keptDocOf, readSharedParts, takeKeptCopy } from '@/lib/collab/kept-copy'
export { askStoredMessage, holdsUpdates, storedSnapshotOf } from '@/lib/collab/stored'
export { fieldMapOf, mapFields, readFieldValues, writeFieldValues } from '@/lib/collab/story-fields'
export { KeptCopyWriter, readKeptCopy } from './kept-copy-store'
export { StoryProvider } from './story-provider'
