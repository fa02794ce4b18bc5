import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getDb } from '@/db'
import { ActionForm } from '@/components/ui/action-form'
import { Field } from '@/components/ui/field'
import { articleLimits } from '@/lib/article-input'
import { parseId } from '@/lib/http'
import { requireCapability, shownUnlessRefused } from '@/lib/session'
import { getTag, tagDescriptionLimit } from '@/lib/tags'
import { countOf } from '@/lib/words'
import { describeTagAction, mergeTagsAction, renameTagAction } from '../actions'

export const metadata: Metadata = { title: 'Tag' }

type TagPageProps = { params: Promise<{ id: string }> }

export default async function TagPage({ params }: TagPageProps) {
  const actor = await requireCapability('tag.manage')
  const id = parseId((await params).id)
  if (id === null) notFound()
  const { tag, formerSlugs } = shownUnlessRefused(await getTag(getDb(), actor, id))
  const path = `/tags/${tag.slug}`
  return (
    <div className="page">
      <p>
        <Link href="/desk/admin/tags">← Tags</Link>
      </p>
      <h1>{tag.name}</h1>
      <p>
        On {countOf(tag.published, 'published story', 'published stories')} ({countOf(tag.stories, 'story', 'stories')} in all). Readers
        find it at{' '}
        <a href={path} target="_blank" rel="noreferrer">
          {path}
        </a>
        {tag.published === 0 && ' once a published story carries it'}.
      </p>
      {formerSlugs.length > 0 && (
        <p>
          Old addresses that lead here:{' '}
          {formerSlugs.map((slug, index) => (
            <span key={slug}>
              {index > 0 && ', '}
              <code>/tags/{slug}</code>
            </span>
          ))}
          .
        </p>
      )}

      <section className="panel" aria-labelledby="rename-heading">
        <h2 id="rename-heading">Rename</h2>
        <ActionForm action={renameTagAction} submitLabel="Rename tag">
          <p>Every story carrying it gets the new name. Its address is made from the name; the old one leads to the new.</p>
          <input type="hidden" name="tagId" value={tag.id} />
          <Field id="tag-name" label="Name">
            {(control) => <input {...control} name="name" defaultValue={tag.name} required maxLength={articleLimits.tag} />}
          </Field>
        </ActionForm>
      </section>

      <section className="panel" aria-labelledby="describe-heading">
        <h2 id="describe-heading">Description</h2>
        <ActionForm action={describeTagAction} submitLabel="Save description">
          <input type="hidden" name="tagId" value={tag.id} />
          <Field
            id="tag-description"
            label="Description"
            hint={`Plain text shown at the top of the tag’s page, up to ${tagDescriptionLimit.toLocaleString('en')} characters. Leave a blank line between paragraphs; empty shows none.`}
          >
            {(control) => <textarea {...control} name="description" defaultValue={tag.description} rows={5} />}
          </Field>
        </ActionForm>
      </section>

      <section className="panel" aria-labelledby="merge-heading">
        <h2 id="merge-heading">Merge into another tag</h2>
        <ActionForm action={mergeTagsAction} submitLabel="Merge tags" variant="danger">
          <p>
            Every story carrying “{tag.name}” carries the other tag instead, “{tag.name}” is gone, and its address leads to the other tag’s
            page. This cannot be undone.
          </p>
          <input type="hidden" name="tagId" value={tag.id} />
          <Field id="tag-into" label="Merge into (the other tag’s name or address)">
            {(control) => <input {...control} name="into" required maxLength={200} />}
          </Field>
        </ActionForm>
      </section>
    </div>
  )
}
