import { userRole } from '@/db/schema'
import type { FieldControl } from '@/components/ui/field'

/** A `<select name="role">` of every role a person can have. */
export function RoleSelect({ defaultValue, ...control }: FieldControl & { defaultValue: string }) {
  return (
    <select {...control} name="role" defaultValue={defaultValue}>
      {userRole.enumValues.map((role) => (
        <option key={role}>{role}</option>
      ))}
    </select>
  )
}
