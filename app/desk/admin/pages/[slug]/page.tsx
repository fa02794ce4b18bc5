import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getDb } from '@/db'
import { ActionForm } from '@/components/ui/action-form'
import { Field } from '@/components/ui/field'
import { requireCapability } from '@/lib/session'
import { isSitePageSlug, listSitePages } from '@/lib/site-pages'
import { savePage } from '../actions'

export const metadata: Metadata = { title: 'Edit site page' }

type SitePageEditProps = { params: Promise<{ slug: string }> }

export default async function SitePageEdit({ params }: SitePageEditProps) {
  await requireCapability('site.manage')
  const { slug } = await params
  if (!isSitePageSlug(slug)) notFound()
  const page = (await listSitePages(getDb())).find((found) => found.slug === slug)
  if (!page) notFound()
  return (
    <div className="page">
      <p>
        <Link href="/desk/admin/pages">← Site pages</Link>
      </p>
      <h1>{page.title}</h1>
      <p>
        Readers find it at{' '}
        <a href={page.path} target="_blank" rel="noreferrer">
          {page.path}
        </a>
        ; it changes there as soon as you save.
      </p>
      <ActionForm action={savePage} submitLabel="Save page">
        <input type="hidden" name="slug" value={page.slug} />
        <Field id="page-title" label="Title">
          {(control) => <input {...control} name="title" defaultValue={page.title} required maxLength={80} />}
        </Field>
        <Field
          id="page-body"
          label="Text"
          hint="Plain text. Leave a blank line between paragraphs. Empty text hides the page from readers."
        >
          {(control) => <textarea {...control} name="body" defaultValue={page.body} rows={18} />}
        </Field>
      </ActionForm>
    </div>
  )
}
