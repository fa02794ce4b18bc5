import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getDb } from '@/db'
import { ActionForm } from '@/components/ui/action-form'
import { Field } from '@/components/ui/field'
import { parseId } from '@/lib/http'
import { getSection } from '@/lib/section-admin'
import { requireCapability, shownUnlessRefused } from '@/lib/session'
import { countOf } from '@/lib/words'
import { changeSectionAction, retireSectionAction } from '../actions'
import { SectionFields } from '../section-fields'

export const metadata: Metadata = { title: 'Section' }

type SectionPageProps = { params: Promise<{ id: string }> }

export default async function SectionPage({ params }: SectionPageProps) {
  const actor = await requireCapability('section.manage')
  const id = parseId((await params).id)
  if (id === null) notFound()
  const { section, all, parents, children } = shownUnlessRefused(await getSection(getDb(), actor, id))
  const others = all.filter((entry) => entry.id !== section.id)
  return (
    <div className="page">
      <p>
        <Link href="/desk/admin/sections">← Sections</Link>
      </p>
      <h1>{section.name}</h1>
      <p>
        {countOf(section.stories, 'story', 'stories')} filed here. Readers find it at{' '}
        <a href={section.path} target="_blank" rel="noreferrer">
          {section.path}
        </a>
        .
      </p>
      {section.formerPaths.length > 0 && (
        <p>
          Old addresses that lead here:{' '}
          {section.formerPaths.map((path, index) => (
            <span key={path}>
              {index > 0 && ', '}
              <code>{path}</code>
            </span>
          ))}
          .
        </p>
      )}

      <section className="panel" aria-labelledby="change-heading">
        <h2 id="change-heading">Name, address and description</h2>
        <ActionForm action={changeSectionAction} submitLabel="Save section">
          <input type="hidden" name="sectionId" value={section.id} />
          <SectionFields idPrefix="section" parents={parents} section={section} />
        </ActionForm>
      </section>

      <section className="panel" aria-labelledby="retire-heading">
        <h2 id="retire-heading">Retire</h2>
        {children > 0 ? (
          <p>{`“${section.name}” has sections under it: move or retire them first.`}</p>
        ) : (
          <ActionForm action={retireSectionAction} submitLabel="Retire section" variant="danger">
            <p>
              The section is gone from the site. Its stories move to the section chosen here, and their old addresses, and the section’s,
              lead there. This cannot be undone.
            </p>
            <input type="hidden" name="sectionId" value={section.id} />
            <Field id="retire-move-to" label="Move its stories to">
              {(control) => (
                <select {...control} name="moveTo" defaultValue="">
                  <option value="">{section.stories === 0 ? '(it has none)' : '(choose a section)'}</option>
                  {others.map((other) => (
                    <option key={other.id} value={other.id}>
                      {other.path}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </ActionForm>
        )}
      </section>
    </div>
  )
}
