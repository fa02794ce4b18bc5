'use client'

import { type ReactNode, createContext, useContext } from 'react'
import type { TimeZone } from '@/lib/clock'

const ZoneContext = createContext<TimeZone>('UTC')

/** Gives every time below it the zone the signed-in person reads the desk in (lib/settings.ts `viewerTimeZone`). */
export function TimeZoneProvider({ zone, children }: { zone: TimeZone; children: ReactNode }) {
  return <ZoneContext value={zone}>{children}</ZoneContext>
}

/** The zone the desk shows and reads times in, for this person: never the browser's own. */
export function useTimeZone(): TimeZone {
  return useContext(ZoneContext)
}
