import { Field } from '@/components/ui/field'
import { type SectionEntry, sectionDescriptionLimit, sectionNameLimit } from '@/lib/section-admin'

type SectionFieldsProps = {
  /** Prefix of the controls' ids, one per form on the page. */
  idPrefix: string
  /** The sections it may sit under, in tree order. */
  parents: readonly SectionEntry[]
  /** The section being changed; absent for a new one. */
  section?: SectionEntry
}

/** A section's name, address, parent and description, for creating one and for changing one. */
export function SectionFields({ idPrefix, parents, section }: SectionFieldsProps) {
  return (
    <>
      <Field id={`${idPrefix}-name`} label="Name">
        {(control) => <input {...control} name="name" defaultValue={section?.name} required maxLength={sectionNameLimit} />}
      </Field>
      <Field
        id={`${idPrefix}-slug`}
        label="Address"
        hint={
          section
            ? 'The last part of its address. Changing it moves every story in it; the old addresses lead to the new.'
            : 'The last part of its address, such as middle-east. Leave empty to make it from the name.'
        }
      >
        {(control) => <input {...control} name="slug" defaultValue={section?.slug} maxLength={80} />}
      </Field>
      <Field id={`${idPrefix}-parent`} label="Under">
        {(control) => (
          <select {...control} name="parentId" defaultValue={section?.parentId ?? ''}>
            <option value="">(the top level)</option>
            {parents.map((parent) => (
              <option key={parent.id} value={parent.id}>
                {parent.path}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id={`${idPrefix}-description`}
        label="Description"
        hint={`Plain text shown at the top of the section’s page, up to ${sectionDescriptionLimit.toLocaleString('en')} characters. Leave a blank line between paragraphs; empty shows none.`}
      >
        {(control) => <textarea {...control} name="description" defaultValue={section?.description} rows={4} />}
      </Field>
    </>
  )
}
