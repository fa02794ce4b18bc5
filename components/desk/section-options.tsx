import { type SectionOption, sectionPickerEntries } from './section-tree'

/** The options of a section `<select>`, showing the tree: sub-sections grouped under their parent. */
export function SectionOptions({ options }: { options: SectionOption[] }) {
  return sectionPickerEntries(options).map((entry) =>
    'choices' in entry ? (
      <optgroup key={`group:${entry.label}`} label={entry.label}>
        {entry.choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.name}
          </option>
        ))}
      </optgroup>
    ) : (
      <option key={entry.id} value={entry.id}>
        {entry.name}
      </option>
    ),
  )
}
