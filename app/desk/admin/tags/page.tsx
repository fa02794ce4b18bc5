import type { Metadata } from 'next'
import Link from 'next/link'
import { getDb } from '@/db'
import { Field } from '@/components/ui/field'
import { requireCapability, shownUnlessRefused } from '@/lib/session'
import { type TagListFilter, listTags, tagListFilterSchema } from '@/lib/tags'
import { countOf } from '@/lib/words'

export const metadata: Metadata = { title: 'Tags' }

type TagsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const firstOf = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

function pageLink(filter: TagListFilter, page: number): string {
  const query = new URLSearchParams({ ...(filter.q ? { q: filter.q } : {}), ...(page > 1 ? { page: String(page) } : {}) })
  return `/desk/admin/tags?${query}`
}

export default async function TagsPage({ searchParams }: TagsPageProps) {
  const actor = await requireCapability('tag.manage')
  const raw = await searchParams
  const filter = tagListFilterSchema.parse({ q: firstOf(raw.q), page: firstOf(raw.page) })
  const { tags, total, pageCount } = shownUnlessRefused(await listTags(getDb(), actor, filter))
  return (
    <div className="page">
      <h1>Tags</h1>
      <p>
        Every tag stories carry, by name. Open one to rename it, merge it into another or describe it for readers; its old address keeps
        leading to it.
      </p>
      <form method="get" className="inline-form filters" role="search" aria-label="Find tags">
        <Field id="tags-q" label="Name contains">
          {(control) => <input {...control} name="q" type="search" defaultValue={filter.q} maxLength={80} />}
        </Field>
        <button type="submit" className="button secondary">
          Find
        </button>
        {filter.q && <Link href="/desk/admin/tags">Show all</Link>}
      </form>

      {tags.length === 0 ? (
        <p className="muted">{filter.q ? `No tag’s name contains “${filter.q}”.` : 'No story carries a tag yet.'}</p>
      ) : (
        <>
          <p className="muted">{countOf(total, 'tag')}</p>
          <table className="stacked">
            <thead>
              <tr>
                <th scope="col">Tag</th>
                <th scope="col">Address</th>
                <th scope="col">Published stories</th>
                <th scope="col">All stories</th>
              </tr>
            </thead>
            <tbody>
              {tags.map((tag) => (
                <tr key={tag.id}>
                  <td>
                    <Link href={`/desk/admin/tags/${tag.id}`}>{tag.name}</Link>
                  </td>
                  <td>
                    <code>/tags/{tag.slug}</code>
                  </td>
                  <td>{tag.published} published</td>
                  <td>{tag.stories} in all</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      {pageCount > 1 && (
        <nav aria-label="Pages" className="pager inline-form">
          {filter.page > 1 && <Link href={pageLink(filter, filter.page - 1)}>← Previous</Link>}
          <span>
            Page {filter.page} of {pageCount}
          </span>
          {filter.page < pageCount && <Link href={pageLink(filter, filter.page + 1)}>Next →</Link>}
        </nav>
      )}
    </div>
  )
}
