/** The options of a `<select>` of staff members, by name. */
export function StaffOptions({ staff }: { staff: readonly { id: number; name: string }[] }) {
  return staff.map((person) => (
    <option key={person.id} value={person.id}>
      {person.name}
    </option>
  ))
}
