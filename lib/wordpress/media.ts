import 'server-only'
import fs from 'node:fs/promises'
import path from 'node:path'
import { cutText, isWithin } from '@/lib/clean-text'
import { type MediaRow, getMedia, updateMediaDetails } from '@/lib/media/library'
import { maxUploadBytes } from '@/lib/media/limits'
import type { MediaStorage } from '@/lib/media/storage'
import { uploadImage } from '@/lib/media/upload'
import { displaySrc, mediaUrl } from '@/lib/media/urls'
import { isHttpUrl } from '@/lib/story-schema/urls'
import { pageKey } from '@/lib/page-keys'
import type { ImportContext } from './context'
import { checksumOf } from './mapping'
import { type ImageRef, plainWords } from './content'
import type { WxrItem } from './records'

/** An attachment of the export: an image with its words. */
export type Attachment = { id: string; url: string; file: string; alt: string; caption: string; credit: string }

/** The meta keys plugins keep a photo's credit under. */
const creditKeys = ['_wp_attachment_credit', '_media_credit', 'credit', '_credit']

export function readAttachment(item: WxrItem): Attachment {
  return {
    id: item.id,
    url: item.attachmentUrl,
    file: item.meta._wp_attached_file ?? '',
    alt: item.meta._wp_attachment_image_alt ?? '',
    caption: plainWords(item.excerpt),
    credit: creditKeys.map((key) => item.meta[key]?.trim() ?? '').find(Boolean) ?? '',
  }
}

/** The path under the uploads folder (`2024/05/x.jpg`) of an address or an attached file. */
export function uploadPath(address: string): string {
  const pathname = isHttpUrl(address) ? new URL(address).pathname : address
  const after = /\/uploads\/(.+)$/.exec(pathname)?.[1] ?? pathname.replace(/^\/+/, '')
  try {
    return decodeURIComponent(after)
  } catch {
    return after
  }
}

/** The same path without WordPress's size suffix (`x-300x200.jpg` → `x.jpg`). */
function originalPath(relative: string): string {
  return relative.replace(/-\d+x\d+(\.[a-z0-9]+)$/i, '$1')
}

/**
 * Finds the export's images and puts them in the media library through the upload pipeline, once
 * each: by attachment, from the media folder (or, when allowed, their address); matched by the
 * files' bytes with what the library already holds.
 */
export class MediaImporter {
  private readonly done = new Map<string, Promise<MediaRow | null>>()
  private readonly byPath = new Map<string, Attachment>()

  constructor(
    private readonly context: ImportContext,
    private readonly attachments: ReadonlyMap<string, Attachment>,
  ) {
    for (const attachment of attachments.values()) this.byPath.set(uploadPath(attachment.file || attachment.url), attachment)
  }

  /** The library image of an attachment id, importing it the first time; null (reported) when it cannot be had. */
  attachment(id: string, where: string): Promise<MediaRow | null> {
    const attachment = this.attachments.get(id)
    if (!attachment) {
      this.context.report.problem(where, `attachment ${id} is not in the export: its image was left out`)
      return Promise.resolve(null)
    }
    return this.once(`attachment:${id}`, () => this.store(attachment, where))
  }

  /** Points each figure at its library image; a figure whose image cannot be had is left out, and said. */
  async placeFigures(images: readonly ImageRef[], where: string): Promise<void> {
    for (const image of images) {
      const byId = image.attachmentId !== null && this.attachments.has(image.attachmentId) ? image.attachmentId : undefined
      const known = byId ?? this.byPath.get(uploadPath(image.url))?.id ?? this.byPath.get(originalPath(uploadPath(image.url)))?.id
      const row = known
        ? await this.attachment(known, where)
        : await this.once(`url:${image.url}`, () =>
            this.store({ id: '', url: image.url, file: '', alt: '', caption: '', credit: '' }, where),
          )
      const attrs = image.figure.attrs ?? {}
      image.figure.attrs = row
        ? {
            ...attrs,
            mediaId: row.id,
            src: displaySrc(row),
            alt: attrs.alt || row.alt,
            caption: attrs.caption || row.caption,
            credit: row.credit,
            width: row.width,
            height: row.height,
          }
        : { ...attrs, src: '' }
      if (!row)
        this.context.report.problem(
          where,
          `a figure was left out: its image ${image.url || `(attachment ${image.attachmentId ?? '?'})`} could not be had`,
        )
    }
  }

  private once(key: string, load: () => Promise<MediaRow | null>): Promise<MediaRow | null> {
    const known = this.done.get(key)
    if (known) return known
    const loading = load()
    this.done.set(key, loading)
    return loading
  }

  private async store(attachment: Attachment, where: string): Promise<MediaRow | null> {
    const { db, actor, map, report, storage } = this.context
    const checksum = checksumOf(attachment)
    const imported = attachment.id === '' ? null : await map.entry('attachment', attachment.id)
    const existing = imported ? await getMedia(db, imported.targetId) : null
    const cut = (field: string, text: string, max: number) => {
      if (isWithin(text, max)) return text
      report.problem(where, `the ${field} of the image ${attachment.url} was longer than ${max} characters: it was cut`)
      return cutText(text, max).trim()
    }
    const details = () => ({
      alt: cut('alt text', attachment.alt, 500),
      caption: cut('caption', attachment.caption, 2000),
      credit: cut('credit', attachment.credit, 200),
    })
    if (existing && imported?.checksum === checksum) {
      report.count('images', 'unchanged')
      return existing
    }
    if (existing) {
      // Its words changed in WordPress since the last import (the file is the same image).
      const updated = await updateMediaDetails(db, actor, existing.id, details())
      if (!updated.ok) {
        report.problem(where, `the details of the image ${attachment.url} were not updated: ${updated.message}`)
        report.count('images', 'skipped')
        return existing
      }
      await map.set('attachment', attachment.id, existing.id, checksum)
      this.context.changedKeys.add(pageKey.media(existing.id))
      report.count('images', 'updated')
      return updated.media
    }
    const bytes = await this.bytes(attachment)
    if (!bytes) {
      report.problem(
        where,
        `the image ${uploadPath(attachment.file || attachment.url) || attachment.url} was not found in the media folder: left out`,
      )
      report.count('images', 'skipped')
      return null
    }
    const uploaded = await uploadImage(db, storage, actor, { bytes, ...details() })
    if (!uploaded.ok) {
      report.problem(where, `the image ${attachment.url} was refused by the media library: ${uploaded.message}`)
      report.count('images', 'skipped')
      return null
    }
    if (attachment.id !== '') await map.set('attachment', attachment.id, uploaded.media.id, checksum)
    report.count('images', uploaded.duplicate ? 'unchanged' : 'created')
    return uploaded.media
  }

  /** The file's bytes from the media folder, or from its address when downloads are allowed. */
  private async bytes(attachment: Attachment): Promise<Buffer | null> {
    const { mediaFolder, downloadMedia } = this.context
    const relative = uploadPath(attachment.file || attachment.url)
    if (mediaFolder !== null && relative !== '') {
      const root = path.resolve(mediaFolder)
      for (const candidate of [relative, path.join('wp-content', 'uploads', relative), originalPath(relative)]) {
        const file = path.resolve(root, candidate)
        // Never outside the folder, whatever the export says (`../../etc/passwd`).
        if (!file.startsWith(root + path.sep)) continue
        const found = await readSmallFile(file)
        if (found) return found
      }
    }
    if (!downloadMedia || !isHttpUrl(attachment.url)) return null
    try {
      const response = await fetch(attachment.url, { signal: AbortSignal.timeout(30_000), redirect: 'follow' })
      const declared = Number(response.headers.get('content-length') ?? 0)
      if (!response.ok || declared > maxUploadBytes) return null
      const body = Buffer.from(await response.arrayBuffer())
      return body.length <= maxUploadBytes ? body : null
    } catch {
      return null
    }
  }
}

async function readSmallFile(file: string): Promise<Buffer | null> {
  const stat = await fs.stat(file).catch(() => null)
  if (!stat?.isFile() || stat.size === 0 || stat.size > maxUploadBytes) return null
  return fs.readFile(file)
}

/** Storage for a dry run: the pipeline runs, and nothing is written. */
export const discardingStorage: MediaStorage = {
  put: async () => {},
  get: async () => null,
  delete: async () => {},
  url: (key) => mediaUrl(key),
  location: 'nowhere (a dry run)',
}
