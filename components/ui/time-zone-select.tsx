import { type TimeZone, timeZoneChoices } from '@/lib/clock'
import type { FieldControl } from './field'

type TimeZoneSelectProps = {
  control: FieldControl
  name: string
  value: TimeZone
  /** The first choice, meaning "no zone of my own" (a person following the newsroom's clock). */
  emptyChoice?: string
}

/** Every zone the runtime knows, by its IANA name ("Asia/Beirut"), as one select. */
export function TimeZoneSelect({ control, name, value, emptyChoice }: TimeZoneSelectProps) {
  return (
    <select {...control} name={name} defaultValue={value}>
      {emptyChoice !== undefined && <option value="">{emptyChoice}</option>}
      {timeZoneChoices().map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll('_', ' ')}
        </option>
      ))}
    </select>
  )
}
