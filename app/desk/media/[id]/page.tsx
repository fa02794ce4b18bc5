import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getDb } from '@/db'
import { FocalPointFields } from '@/components/desk/media/focal-point-fields'
import styles from '@/components/desk/media/media.module.css'
import { ActionForm } from '@/components/ui/action-form'
import { Field } from '@/components/ui/field'
import { parseId } from '@/lib/http'
import { readableStoryIds } from '@/lib/article-access'
import { maySeeMedia } from '@/lib/media/access'
import { getMedia, mediaUsage } from '@/lib/media/library'
import { can } from '@/lib/permissions'
import { requireCapability } from '@/lib/session'
import { statuses } from '@/lib/workflow'
import { listStaff } from '@/lib/users'
import { deleteImage, saveMediaDetails } from '../actions'
import { displaySrc, mediaUrl, responsiveImage } from '@/lib/media/urls'
import { DateTime } from '@/components/ui/date-time'

export const metadata: Metadata = { title: 'Image' }

type MediaPageProps = { params: Promise<{ id: string }> }

export default async function MediaPage({ params }: MediaPageProps) {
  const user = await requireCapability('desk.enter')
  const id = parseId((await params).id)
  const db = getDb()
  const image = id ? await getMedia(db, id) : null
  if (!image || !(await maySeeMedia(db, user, image))) notFound()
  const [usage, staff] = await Promise.all([mediaUsage(db, image.id), listStaff(db)])
  const readable = await readableStoryIds(
    db,
    user,
    usage.map((story) => story.articleId),
  )
  const owned = { ownerIds: image.uploadedBy === null ? [] : [image.uploadedBy] }
  const canEdit = can(user, 'media.edit', owned)
  const canDelete = can(user, 'media.delete', owned)
  const uploader = staff.find((person) => person.id === image.uploadedBy)?.name ?? 'a former colleague'
  const shown = responsiveImage(image, '(min-width: 72rem) 42rem, (min-width: 900px) 58vw, 100vw')

  return (
    <div className="page">
      <p>
        <Link href="/desk/media">← Media library</Link>
      </p>
      <h1>{image.alt ? 'Image details' : 'Image details (no alt text yet)'}</h1>

      <div className={styles.detail}>
        <div>
          <picture>
            {shown.sources.map((source) => (
              <source key={source.type} type={source.type} srcSet={source.srcSet} sizes={shown.sizes} />
            ))}
            <img
              src={shown.src}
              srcSet={shown.fallbackSrcSet || undefined}
              sizes={shown.sizes}
              alt={image.alt}
              width={shown.width}
              height={shown.height}
            />
          </picture>
          <p className="muted small">
            {image.width} × {image.height} pixels · {image.mimeType.replace(/^image\/|\+xml$/g, '').toUpperCase()} ·{' '}
            {formatBytes(image.byteSize)} · uploaded by {uploader} on <DateTime value={image.createdAt} />
          </p>
          <p className="small">
            <a href={mediaUrl(image.storageKey)}>Open the full-size file</a>
          </p>
        </div>

        <div>
          {canEdit ? (
            <section className="panel" aria-labelledby="details-heading">
              <h2 id="details-heading">Details</h2>
              <ActionForm action={saveMediaDetails} submitLabel="Save details" className={styles.detailsForm}>
                <input type="hidden" name="mediaId" value={image.id} />
                <Field id="media-alt" label="Alt text" hint="What the picture shows, for readers who cannot see it.">
                  {(control) => <input {...control} name="alt" defaultValue={image.alt} maxLength={500} />}
                </Field>
                <Field id="media-caption" label="Caption">
                  {(control) => <textarea {...control} name="caption" rows={4} defaultValue={image.caption} maxLength={2000} />}
                </Field>
                <Field id="media-credit" label="Credit">
                  {(control) => <input {...control} name="credit" defaultValue={image.credit} maxLength={200} placeholder="NAME/AGENCY" />}
                </Field>
                <FocalPointFields
                  src={displaySrc(image, 640)}
                  width={image.width}
                  height={image.height}
                  focalX={image.focalX}
                  focalY={image.focalY}
                />
              </ActionForm>
            </section>
          ) : (
            <section className="panel" aria-labelledby="details-heading">
              <h2 id="details-heading">Details</h2>
              <dl>
                <dt>Alt text</dt>
                <dd>{image.alt || '—'}</dd>
                <dt>Caption</dt>
                <dd>{image.caption || '—'}</dd>
                <dt>Credit</dt>
                <dd>{image.credit || '—'}</dd>
              </dl>
              <p className="muted small">Only the person who uploaded this image, or an editor, can change it.</p>
            </section>
          )}

          <section className="panel" aria-labelledby="usage-heading">
            <h2 id="usage-heading">Where it is used</h2>
            {usage.length === 0 ? (
              <p className="flush">Not used in any story.</p>
            ) : (
              <ul>
                {usage.map((story) =>
                  readable.has(story.articleId) ? (
                    <li key={story.articleId}>
                      <Link href={`/desk/articles/${story.articleId}`}>{story.headline || 'Untitled story'}</Link> (
                      {statuses[story.status].label.toLowerCase()}
                      {[story.asLead && 'lead image', story.asSocial && 'social image', story.asFigure && 'figure']
                        .filter(Boolean)
                        .map((role) => `, ${role}`)}
                      )
                    </li>
                  ) : (
                    <li key={story.articleId}>Another writer’s story that is not published</li>
                  ),
                )}
              </ul>
            )}
            <p className="muted small">
              To use it, open a story from the <Link href="/desk">desk</Link> and search for its alt text, caption or credit under Lead
              image, or with Figure in the story body.
            </p>
          </section>

          {canDelete && (
            <section className="panel" aria-labelledby="delete-heading">
              <h2 id="delete-heading">Delete</h2>
              {usage.length === 0 ? (
                <ActionForm action={deleteImage} submitLabel="Delete image" variant="danger">
                  <p>Removes the image and all its files for good.</p>
                  <input type="hidden" name="mediaId" value={image.id} />
                </ActionForm>
              ) : (
                <p className="flush">
                  This image is used, so it cannot be deleted. Remove it from the stories above first (earlier versions count too).
                </p>
              )}
            </section>
          )}
        </div>
      </div>
    </div>
  )
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}
