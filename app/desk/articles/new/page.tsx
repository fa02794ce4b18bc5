import type { Metadata } from 'next'
import { getDb } from '@/db'
import { ActionForm } from '@/components/ui/action-form'
import { listSectionOptions } from '@/lib/sections'
import { requireCapability } from '@/lib/session'
import { startStory } from './actions'

export const metadata: Metadata = { title: 'New story' }

export default async function NewStoryPage() {
  await requireCapability('article.create')
  const sections = await listSectionOptions(getDb())
  return (
    <main className="page narrow">
      <h1>New story</h1>
      <ActionForm action={startStory} submitLabel="Start writing">
        <div className="field">
          <label htmlFor="headline">Working headline</label>
          <input id="headline" name="headline" maxLength={300} />
        </div>
        <div className="field">
          <label htmlFor="section">Section</label>
          <select id="section" name="sectionId">
            {sections.map((section) => (
              <option key={section.id} value={section.id}>
                {section.label}
              </option>
            ))}
          </select>
        </div>
      </ActionForm>
    </main>
  )
}
