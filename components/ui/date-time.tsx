'use client'

import { useTimeZone } from './time-zone'
import { ZonedTime, type ZonedTimeProps } from './zoned-time'

/** A time for people to read, in the desk's one clock, marked up with the exact moment for machines. */
export function DateTime(props: ZonedTimeProps) {
  return <ZonedTime {...props} zone={useTimeZone()} />
}
