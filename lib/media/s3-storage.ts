import 'server-only'
import type { S3Client } from '@aws-sdk/client-s3'
import { assertValidMediaKey, publicMediaCacheControl, mediaUrlPrefix } from './keys'
import type { MediaStorage } from './storage'

export type S3MediaStorageOptions = {
  bucket: string
  region: string
  /** A non-AWS service (MinIO, R2, Garage…): its URL; addressed path-style (`endpoint/bucket/key`). */
  endpoint?: string
  /** Omitted: the AWS SDK's default chain (environment, shared config, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string }
  /** Where browsers load files from when the bucket (or a CDN before it) is public; otherwise the app serves them. */
  publicUrl?: string
}

/** Objects in an S3-compatible bucket: for several app instances sharing one library. */
export class S3MediaStorage implements MediaStorage {
  private client: Promise<S3Client> | undefined

  constructor(private readonly options: S3MediaStorageOptions) {}

  get location(): string {
    return `the S3 bucket ${this.options.bucket} at ${this.options.endpoint ?? `AWS ${this.options.region}`}`
  }

  async put(key: string, buffer: Buffer, contentType: string): Promise<void> {
    assertValidMediaKey(key)
    const { PutObjectCommand } = await import('@aws-sdk/client-s3')
    await (
      await this.s3()
    ).send(
      new PutObjectCommand({
        Bucket: this.options.bucket,
        Key: key,
        Body: buffer,
        ContentType: contentType,
        CacheControl: publicMediaCacheControl,
      }),
    )
  }

  async get(key: string): Promise<Buffer | null> {
    assertValidMediaKey(key)
    const { GetObjectCommand, NoSuchKey } = await import('@aws-sdk/client-s3')
    try {
      const response = await (await this.s3()).send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }))
      if (!response.Body) return null
      return Buffer.from(await response.Body.transformToByteArray())
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return null
      throw error
    }
  }

  async delete(key: string): Promise<void> {
    assertValidMediaKey(key)
    const { DeleteObjectCommand } = await import('@aws-sdk/client-s3')
    await (await this.s3()).send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }))
  }

  url(key: string): string {
    assertValidMediaKey(key)
    const base = this.options.publicUrl?.replace(/\/+$/, '')
    return base ? `${base}/${key}` : `${mediaUrlPrefix}/${key}`
  }

  // The SDK is loaded on first use, so a server that stores media locally never loads it.
  private s3(): Promise<S3Client> {
    this.client ??= import('@aws-sdk/client-s3').then(
      ({ S3Client }) =>
        new S3Client({
          region: this.options.region,
          endpoint: this.options.endpoint,
          forcePathStyle: Boolean(this.options.endpoint),
          credentials: this.options.credentials,
        }),
    )
    return this.client
  }
}
