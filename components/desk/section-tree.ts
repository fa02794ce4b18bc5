/** A section as the server lists it: in tree order, labelled with its path ("Regions › Middle East"). */
export type SectionOption = { id: number; label: string }

/** A section the picker offers, by its own name. */
export type SectionChoice = { id: number; name: string }
/** The sub-sections of one section, under its path. */
export type SectionGroup = { label: string; choices: SectionChoice[] }

const separator = ' › '

const nameOf = (label: string) => label.split(separator).at(-1) ?? label
const parentOf = (label: string) => (label.includes(separator) ? label.slice(0, label.lastIndexOf(separator)) : null)

/**
 * The section tree as a picker shows it: each top-level section, followed by a group of its
 * sub-sections named by their own names (a `<select>` cannot nest groups, so a deeper level
 * follows as a group of its own, labelled with its whole path).
 */
export function sectionPickerEntries(options: SectionOption[]): (SectionChoice | SectionGroup)[] {
  const entries: (SectionChoice | SectionGroup)[] = []
  const addGroups = (path: string) => {
    const children = options.filter((option) => parentOf(option.label) === path)
    if (children.length === 0) return
    entries.push({ label: path, choices: children.map((child) => ({ id: child.id, name: nameOf(child.label) })) })
    for (const child of children) addGroups(child.label)
  }
  for (const top of options.filter((option) => parentOf(option.label) === null)) {
    entries.push({ id: top.id, name: top.label })
    addGroups(top.label)
  }
  return entries
}
