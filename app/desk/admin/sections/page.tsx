import type { Metadata } from 'next'
import Link from 'next/link'
import { getDb } from '@/db'
import { ActionForm } from '@/components/ui/action-form'
import { listSectionTree } from '@/lib/section-admin'
import { requireCapability, shownUnlessRefused } from '@/lib/session'
import { countOf } from '@/lib/words'
import { createSectionAction, reorderSectionAction } from './actions'
import { SectionFields } from './section-fields'

export const metadata: Metadata = { title: 'Sections' }

export default async function SectionsPage() {
  const actor = await requireCapability('section.manage')
  const { sections } = shownUnlessRefused(await listSectionTree(getDb(), actor))
  return (
    <div className="page">
      <h1>Sections</h1>
      <p>
        The site’s sections, in the order readers see them. Open one to rename it, change its address or parent, describe it or retire it;
        its old addresses, and its stories’, keep leading to it.
      </p>
      <table className="stacked">
        <thead>
          <tr>
            <th scope="col">Section</th>
            <th scope="col">Address</th>
            <th scope="col">Stories</th>
            <th scope="col">Order</th>
          </tr>
        </thead>
        <tbody>
          {sections.map((section) => (
            <tr key={section.id} aria-label={section.name}>
              <td>
                {section.depth > 0 && <span aria-hidden="true">{'› '.repeat(section.depth)}</span>}
                <Link href={`/desk/admin/sections/${section.id}`}>{section.name}</Link>
              </td>
              <td>
                <code>{section.path}</code>
              </td>
              <td>{countOf(section.stories, 'story', 'stories')}</td>
              <td className="inline-form">
                {(['up', 'down'] as const).map((direction) => (
                  <ActionForm key={direction} action={reorderSectionAction} submitLabel={`Move ${direction}`} variant="secondary">
                    <input type="hidden" name="sectionId" value={section.id} />
                    <input type="hidden" name="direction" value={direction} />
                  </ActionForm>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <section className="panel" aria-labelledby="create-heading">
        <h2 id="create-heading">New section</h2>
        <ActionForm action={createSectionAction} submitLabel="Create section" resetOnSuccess>
          <SectionFields idPrefix="new-section" parents={sections} />
        </ActionForm>
      </section>
    </div>
  )
}
