import type { Metadata } from 'next'
import { getDb } from '@/db'
import { SectionOptions } from '@/components/desk/section-options'
import { ActionForm } from '@/components/ui/action-form'
import { Field } from '@/components/ui/field'
import { articleLimits } from '@/lib/article-input'
import { listSectionOptions } from '@/lib/sections'
import { requireCapability } from '@/lib/session'
import { startStory } from './actions'

export const metadata: Metadata = { title: 'New story' }

export default async function NewStoryPage() {
  await requireCapability('article.create')
  const sections = await listSectionOptions(getDb())
  return (
    <div className="page narrow">
      <h1>New story</h1>
      <ActionForm action={startStory} submitLabel="Start writing">
        <Field id="headline" label="Working headline">
          {(control) => <input {...control} name="headline" maxLength={articleLimits.headline} />}
        </Field>
        <Field id="section" label="Section">
          {(control) => (
            <select {...control} name="sectionId">
              <SectionOptions options={sections} />
            </select>
          )}
        </Field>
      </ActionForm>
    </div>
  )
}
