import type { Metadata } from 'next'
import Link from 'next/link'
import { getDb } from '@/db'
import { MediaGrid, type MediaGridItem, mediaGridSizes } from '@/components/desk/media/media-grid'
import { MediaUploader } from '@/components/desk/media/uploader'
import { Field } from '@/components/ui/field'
import { listMedia, mediaListQuerySchema } from '@/lib/media/library'
import { requireCapability } from '@/lib/session'
import { displaySrc, responsiveImage } from '@/lib/media/urls'
import { countOf } from '@/lib/words'

export const metadata: Metadata = { title: 'Media library' }

type MediaLibraryPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const firstOf = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

export default async function MediaLibraryPage({ searchParams }: MediaLibraryPageProps) {
  const user = await requireCapability('desk.enter')
  const raw = await searchParams
  const { query, page } = mediaListQuerySchema.parse({ query: firstOf(raw.q) ?? '', page: firstOf(raw.page) ?? 1 })
  const list = await listMedia(getDb(), user, { query, page })
  const items: MediaGridItem[] = list.items.map((item) => ({
    id: item.id,
    src: displaySrc(item, 640),
    srcSet: responsiveImage(item, mediaGridSizes).srcSet,
    width: item.width,
    height: item.height,
    alt: item.alt,
    caption: item.caption,
    credit: item.credit,
    uploaderName: item.uploaderName,
    createdAt: item.createdAt,
  }))
  const pageLink = (to: number) =>
    `/desk/media?${new URLSearchParams({ ...(query ? { q: query } : {}), ...(to > 1 ? { page: String(to) } : {}) })}`

  return (
    <div className="page">
      <h1>Media library</h1>
      {firstOf(raw.deleted) === '1' && (
        <div className="message success" role="status">
          <p className="flush">The image was deleted.</p>
        </div>
      )}

      <section className="panel" aria-labelledby="upload-heading">
        <h2 id="upload-heading">Upload images</h2>
        <MediaUploader />
      </section>

      <section aria-labelledby="images-heading">
        <h2 id="images-heading">Images</h2>
        <form method="get" className="inline-form filters" role="search" aria-label="Search the library">
          <Field id="media-q" label="Search alt text, caption and credit">
            {(control) => <input {...control} name="q" type="search" defaultValue={query} maxLength={200} />}
          </Field>
          <button type="submit" className="button secondary">
            Search
          </button>
          {query && <Link href="/desk/media">Show all</Link>}
        </form>

        <p className="muted">
          {list.total === 0
            ? query
              ? `No images match “${query}”.`
              : 'The library is empty: upload the first image above.'
            : `${countOf(list.total, 'image')}${query ? ` matching “${query}”` : ''}.`}
        </p>
        {items.length > 0 && <MediaGrid items={items} />}

        {list.pageCount > 1 && (
          <nav aria-label="Pages" className="pager inline-form">
            {list.page > 1 && <Link href={pageLink(list.page - 1)}>← Newer</Link>}
            <span>
              Page {list.page} of {list.pageCount}
            </span>
            {list.page < list.pageCount && <Link href={pageLink(list.page + 1)}>Older →</Link>}
          </nav>
        )}
      </section>
    </div>
  )
}
