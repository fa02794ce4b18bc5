import type { Metadata } from 'next'
import { getDb } from '@/db'
import { SectionOptions } from '@/components/desk/section-options'
import { ActionForm } from '@/components/ui/action-form'
import { articleLimits } from '@/lib/article-input'
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
          <input id="headline" name="headline" maxLength={articleLimits.headline} />
        </div>
        <div className="field">
          <label htmlFor="section">Section</label>
          <select id="section" name="sectionId">
            <SectionOptions options={sections} />
          </select>
        </div>
      </ActionForm>
    </main>
  )
}
