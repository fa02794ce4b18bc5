import type { Db } from '@/db'
import type { MediaStorage } from '@/lib/media/storage'
import type { Actor } from '@/lib/permissions'
import type { ImportMap } from './mapping'
import type { ImportReport } from './report'

/** What every step of an import works with. */
export type ImportContext = {
  db: Db
  /** The admin the import acts as: every story, section and image is made in their name. */
  actor: Actor
  map: ImportMap
  report: ImportReport
  storage: MediaStorage
  /** Where the export's uploads are on this machine (the folder holding `2024/05/…`), if anywhere. */
  mediaFolder: string | null
  /** Whether images found in neither the folder nor the library may be downloaded from their address. */
  downloadMedia: boolean
  /** The export's site name, the outlet of its guest authors. */
  siteName: string
  /** The reader's page keys the import altered (lib/page-keys.ts), announced once at its end. */
  changedKeys: Set<string>
  now: Date
}
