import 'server-only'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { z } from 'zod'
import { StartUpError, localDataDir } from '@/db/config'
import { assertValidMediaKey, mediaUrlPrefix } from './keys'
import { S3MediaStorage, type S3MediaStorageOptions } from './s3-storage'

/**
 * Where media files live. Keys are the library's own content-hashed names (see `mediaKey`);
 * every implementation refuses any other shape of key before touching its store.
 */
export interface MediaStorage {
  /** Writes the whole file; an existing file with that key is replaced. */
  put(key: string, buffer: Buffer, contentType: string): Promise<void>
  /** The file, or null when there is none. */
  get(key: string): Promise<Buffer | null>
  /** Removes the file; removing one that is not there is not an error. */
  delete(key: string): Promise<void>
  /** The address a browser loads the file from. */
  url(key: string): string
  /** Where the files are, in words: instances sharing a database must name the same place. */
  readonly location: string
}

/** Files in a directory on this machine: the default, for one server. */
export class LocalMediaStorage implements MediaStorage {
  readonly root: string

  constructor(root: string) {
    this.root = path.resolve(/*turbopackIgnore: true*/ root)
  }

  get location(): string {
    return `the folder ${this.root} on ${os.hostname()}`
  }

  async put(key: string, buffer: Buffer): Promise<void> {
    const file = this.pathOf(key)
    await fs.mkdir(path.dirname(file), { recursive: true })
    // Written aside and renamed, so a reader never sees half a file.
    const partial = `${file}.${randomBytes(6).toString('hex')}.partial`
    try {
      await fs.writeFile(partial, buffer)
      await fs.rename(partial, file)
    } catch (error) {
      await fs.rm(partial, { force: true })
      throw error
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.pathOf(key))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true })
  }

  url(key: string): string {
    assertValidMediaKey(key)
    return `${mediaUrlPrefix}/${key}`
  }

  private pathOf(key: string): string {
    assertValidMediaKey(key)
    const file = path.resolve(/*turbopackIgnore: true*/ this.root, key)
    // The key pattern already rules this out; a second check costs nothing.
    if (!file.startsWith(this.root + path.sep)) throw new Error('A media key resolved outside the media directory.')
    return file
  }
}

const s3EnvSchema = z.object({
  MEDIA_S3_BUCKET: z.string().trim().min(1),
  MEDIA_S3_REGION: z.string().trim().min(1).default('us-east-1'),
  MEDIA_S3_ENDPOINT: z.url().optional(),
  MEDIA_S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
  MEDIA_S3_SECRET_ACCESS_KEY: z.string().trim().min(1).optional(),
  MEDIA_S3_PUBLIC_URL: z.url().optional(),
})

const blankToUndefined = (env: NodeJS.ProcessEnv) =>
  Object.fromEntries(Object.entries(env).map(([name, value]) => [name, value?.trim() === '' ? undefined : value]))

/**
 * The storage the environment asks for: S3-compatible object storage when `MEDIA_S3_BUCKET` is
 * set (with `MEDIA_S3_REGION`, `MEDIA_S3_ENDPOINT` for a non-AWS service, `MEDIA_S3_ACCESS_KEY_ID`
 * and `MEDIA_S3_SECRET_ACCESS_KEY`, and `MEDIA_S3_PUBLIC_URL` when the bucket is served directly);
 * otherwise a local directory: `COPYDESK_MEDIA_DIR`, or `media/` in the data folder (`.data`), or
 * a temporary directory when the data folder is `memory://`.
 */
export function mediaStorageFromEnv(env: NodeJS.ProcessEnv = process.env): MediaStorage {
  if (env.MEDIA_S3_BUCKET?.trim()) {
    const parsed = s3EnvSchema.safeParse(blankToUndefined(env))
    if (!parsed.success) {
      const names = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))].join(', ')
      throw new StartUpError(`The S3 media storage settings are not valid: check ${names}.`)
    }
    const config = parsed.data
    if (Boolean(config.MEDIA_S3_ACCESS_KEY_ID) !== Boolean(config.MEDIA_S3_SECRET_ACCESS_KEY)) {
      throw new StartUpError(
        'Set both MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY, or neither (to use the AWS default credentials).',
      )
    }
    const options: S3MediaStorageOptions = {
      bucket: config.MEDIA_S3_BUCKET,
      region: config.MEDIA_S3_REGION,
      endpoint: config.MEDIA_S3_ENDPOINT,
      credentials:
        config.MEDIA_S3_ACCESS_KEY_ID && config.MEDIA_S3_SECRET_ACCESS_KEY
          ? { accessKeyId: config.MEDIA_S3_ACCESS_KEY_ID, secretAccessKey: config.MEDIA_S3_SECRET_ACCESS_KEY }
          : undefined,
      publicUrl: config.MEDIA_S3_PUBLIC_URL,
    }
    return new S3MediaStorage(options)
  }
  return new LocalMediaStorage(localMediaDir(env))
}

function localMediaDir(env: NodeJS.ProcessEnv): string {
  const configured = env.COPYDESK_MEDIA_DIR?.trim()
  if (configured) return configured
  const dataDir = localDataDir(env)
  // An in-memory database forgets its rows at exit; its files go somewhere just as temporary.
  if (dataDir === 'memory://') return mkdtempSync(path.join(/*turbopackIgnore: true*/ os.tmpdir(), 'copydesk-media-'))
  return path.join(/*turbopackIgnore: true*/ dataDir, 'media')
}

const holder = globalThis as typeof globalThis & { __copydeskMediaStorage?: MediaStorage }

/** The process's media storage, chosen once from the environment. */
export function getMediaStorage(): MediaStorage {
  holder.__copydeskMediaStorage ??= mediaStorageFromEnv()
  return holder.__copydeskMediaStorage
}
