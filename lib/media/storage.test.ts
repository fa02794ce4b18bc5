import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { StartUpError } from '@/db/config'
import { mediaKey } from './keys'
import { S3MediaStorage } from './s3-storage'
import { LocalMediaStorage, type MediaStorage, mediaStorageFromEnv } from './storage'

type Contender = {
  name: string
  /** Why this implementation cannot be tested here; undefined when it can. */
  skipReason?: string
  open: () => Promise<{ storage: MediaStorage; close: () => Promise<void> }>
}

const s3Endpoint = process.env.MEDIA_S3_TEST_ENDPOINT?.trim()

const contenders: Contender[] = [
  {
    name: 'local directory',
    open: async () => {
      const root = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-storage-test-'))
      return { storage: new LocalMediaStorage(root), close: () => fs.rm(root, { recursive: true, force: true }) }
    },
  },
  {
    name: 'S3-compatible',
    skipReason: s3Endpoint
      ? undefined
      : 'MEDIA_S3_TEST_ENDPOINT is not set (point it at a local S3-compatible server, e.g. MinIO: MEDIA_S3_TEST_ENDPOINT=http://127.0.0.1:9000)',
    open: async () => {
      const bucket = process.env.MEDIA_S3_TEST_BUCKET?.trim() || 'copydesk-test'
      const credentials = {
        accessKeyId: process.env.MEDIA_S3_TEST_ACCESS_KEY_ID?.trim() || 'minioadmin',
        secretAccessKey: process.env.MEDIA_S3_TEST_SECRET_ACCESS_KEY?.trim() || 'minioadmin',
      }
      const { S3Client, CreateBucketCommand } = await import('@aws-sdk/client-s3')
      const admin = new S3Client({ region: 'us-east-1', endpoint: s3Endpoint, forcePathStyle: true, credentials })
      try {
        await admin.send(new CreateBucketCommand({ Bucket: bucket }))
      } catch (error) {
        const name = (error as { name?: string }).name
        if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw error
      } finally {
        admin.destroy()
      }
      return { storage: new S3MediaStorage({ bucket, region: 'us-east-1', endpoint: s3Endpoint, credentials }), close: async () => {} }
    },
  },
]

for (const contender of contenders) {
  if (contender.skipReason) console.log(`Skipping the ${contender.name} media storage tests: ${contender.skipReason}.`)

  describe.skipIf(contender.skipReason !== undefined)(`${contender.name} media storage`, () => {
    let storage: MediaStorage
    let close: () => Promise<void>
    // A fresh hash per run, so runs against a shared bucket never see each other's files.
    const key = (width?: number) => mediaKey(randomBytes(32).toString('hex'), 'webp', width)

    beforeAll(async () => {
      ;({ storage, close } = await contender.open())
    })
    afterAll(() => close?.())

    it('gives back exactly the bytes it was given', async () => {
      const stored = key(640)
      const bytes = randomBytes(100_000)
      await storage.put(stored, bytes, 'image/webp')
      expect(Buffer.compare((await storage.get(stored)) ?? Buffer.alloc(0), bytes)).toBe(0)
    })

    it('answers null for a file it does not have', async () => {
      expect(await storage.get(key())).toBeNull()
    })

    it('replaces a file written again under the same key', async () => {
      const stored = key()
      await storage.put(stored, Buffer.from('first'), 'image/webp')
      await storage.put(stored, Buffer.from('second'), 'image/webp')
      expect((await storage.get(stored))?.toString()).toBe('second')
    })

    it('deletes a file, and deleting a missing one is not an error', async () => {
      const stored = key(320)
      await storage.put(stored, Buffer.from('bytes'), 'image/webp')
      await storage.delete(stored)
      expect(await storage.get(stored)).toBeNull()
      await expect(storage.delete(stored)).resolves.toBeUndefined()
    })

    it('refuses keys that climb out, are absolute or have odd characters, before touching the store', async () => {
      for (const bad of ['../escape.webp', '/etc/passwd', 'ab/../../x.webp', 'ab\\x.webp', 'ab/x\u0000.webp']) {
        await expect(storage.put(bad, Buffer.from('x'), 'image/webp')).rejects.toThrow(/Invalid media storage key/)
        await expect(storage.get(bad)).rejects.toThrow(/Invalid media storage key/)
        await expect(storage.delete(bad)).rejects.toThrow(/Invalid media storage key/)
        expect(() => storage.url(bad)).toThrow(/Invalid media storage key/)
      }
    })

    it('gives each key an address ending in the key', () => {
      const stored = key(960)
      expect(storage.url(stored).endsWith(`/${stored}`)).toBe(true)
    })
  })
}

describe('the local directory storage', () => {
  it('keeps files under its root, in the folders the keys name, with no partial files left', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-storage-test-'))
    try {
      const storage: MediaStorage = new LocalMediaStorage(root)
      const stored = mediaKey('cd'.repeat(32), 'avif', 640)
      await storage.put(stored, Buffer.from('avif bytes'), 'image/avif')
      expect(await fs.readFile(path.join(root, 'cd', `${'cd'.repeat(32)}-640.avif`), 'utf8')).toBe('avif bytes')
      expect(await fs.readdir(path.join(root, 'cd'))).toHaveLength(1)
      expect(storage.url(stored)).toBe(`/media/${stored}`)
    } finally {
      await fs.rm(root, { recursive: true, force: true })
    }
  })
})

function env(vars: Partial<NodeJS.ProcessEnv>): NodeJS.ProcessEnv {
  return { NODE_ENV: 'test', ...vars }
}

describe('choosing the media storage from the environment', () => {
  it('uses COPYDESK_MEDIA_DIR when it is set', () => {
    const storage = mediaStorageFromEnv(env({ COPYDESK_MEDIA_DIR: '/srv/copydesk-media' }))
    expect(storage).toBeInstanceOf(LocalMediaStorage)
    expect((storage as LocalMediaStorage).root).toBe('/srv/copydesk-media')
  })

  it('uses media/ in the data folder by default', () => {
    const storage = mediaStorageFromEnv(env({ COPYDESK_DATA_DIR: '/srv/copydesk' }))
    expect((storage as LocalMediaStorage).root).toBe('/srv/copydesk/media')
  })

  it('uses a temporary folder when the database is in memory', async () => {
    const storage = mediaStorageFromEnv(env({ COPYDESK_DATA_DIR: 'memory://' })) as LocalMediaStorage
    expect(storage.root.startsWith(path.join(os.tmpdir(), 'copydesk-media-'))).toBe(true)
    await fs.rm(storage.root, { recursive: true, force: true })
  })

  it('uses S3 when a bucket is named, serving through the app unless a public URL is given', () => {
    const s3 = {
      MEDIA_S3_BUCKET: 'newsroom-media',
      MEDIA_S3_ENDPOINT: 'http://127.0.0.1:9000',
      MEDIA_S3_ACCESS_KEY_ID: 'id',
      MEDIA_S3_SECRET_ACCESS_KEY: 'secret',
    }
    const storage = mediaStorageFromEnv(env(s3))
    expect(storage).toBeInstanceOf(S3MediaStorage)
    expect(storage.url('ab/cd.webp')).toBe('/media/ab/cd.webp')
    const direct = mediaStorageFromEnv(env({ ...s3, MEDIA_S3_PUBLIC_URL: 'https://cdn.example.com/media/' }))
    expect(direct.url('ab/cd.webp')).toBe('https://cdn.example.com/media/ab/cd.webp')
  })

  it('refuses to start with a malformed endpoint or half a key pair, naming the setting', () => {
    expect(() => mediaStorageFromEnv(env({ MEDIA_S3_BUCKET: 'b', MEDIA_S3_ENDPOINT: 'not a url' }))).toThrow(
      new StartUpError('The S3 media storage settings are not valid: check MEDIA_S3_ENDPOINT.'),
    )
    expect(() => mediaStorageFromEnv(env({ MEDIA_S3_BUCKET: 'b', MEDIA_S3_ACCESS_KEY_ID: 'id' }))).toThrow(StartUpError)
  })
})
