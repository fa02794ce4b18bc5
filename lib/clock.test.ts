import { describe, expect, it } from 'vitest'
import { formatClock, formatDay, formatWhen, fromFieldValue, isTimeZone, toFieldValue, zoneName } from './clock'

const at = new Date('2026-12-03T08:41:00Z')

describe('the desk clock', () => {
  it('shows a moment in the viewer’s zone, with the zone named', () => {
    expect(formatWhen(at, 'Asia/Beirut')).toBe('3 Dec 2026, 10:41 Beirut')
    expect(formatWhen(at, 'America/New_York')).toBe('3 Dec 2026, 03:41 New York')
    expect(formatWhen(at, 'UTC')).toBe('3 Dec 2026, 08:41 UTC')
    expect(formatClock(at, 'Asia/Beirut')).toBe('10:41 Beirut')
  })

  it('dates a day by the calendar of that zone', () => {
    const lateEvening = new Date('2026-12-03T23:30:00Z')
    expect(formatDay(lateEvening, 'UTC')).toBe('3 Dec 2026')
    expect(formatDay(lateEvening, 'Asia/Beirut')).toBe('4 Dec 2026')
  })

  it('names zones by their city', () => {
    expect(zoneName('America/Sao_Paulo')).toBe('Sao Paulo')
    expect(zoneName('Etc/UTC')).toBe('UTC')
  })

  it('knows real zones from made-up ones', () => {
    expect(isTimeZone('Asia/Beirut')).toBe(true)
    expect(isTimeZone('Mars/Olympus')).toBe(false)
    expect(isTimeZone('')).toBe(false)
  })
})

describe('a time typed into a field', () => {
  it('is read on the clock of the zone named beside it', () => {
    expect(fromFieldValue('2026-12-05T09:30', 'Asia/Beirut')).toEqual({ ok: true, at: new Date('2026-12-05T07:30:00Z') })
    expect(fromFieldValue('2026-12-05T09:30:15', 'America/Sao_Paulo')).toEqual({ ok: true, at: new Date('2026-12-05T12:30:15Z') })
  })

  it('round-trips through the field', () => {
    const moment = new Date('2026-07-01T21:05:00Z')
    for (const zone of ['UTC', 'Asia/Beirut', 'America/New_York', 'Australia/Adelaide', 'Asia/Kathmandu']) {
      expect(fromFieldValue(toFieldValue(moment, zone), zone)).toEqual({ ok: true, at: moment })
    }
  })

  it('follows a daylight-saving change: summer and winter differ by an hour', () => {
    expect(fromFieldValue('2026-07-01T12:00', 'Europe/London')).toEqual({ ok: true, at: new Date('2026-07-01T11:00:00Z') })
    expect(fromFieldValue('2026-12-01T12:00', 'Europe/London')).toEqual({ ok: true, at: new Date('2026-12-01T12:00:00Z') })
  })

  it('refuses a time the clocks skip, saying why', () => {
    // London's clocks went from 01:00 to 02:00 on 29 March 2026.
    const skipped = fromFieldValue('2026-03-29T01:30', 'Europe/London')
    expect(skipped).toEqual({ ok: false, message: expect.stringContaining('01:30 does not exist on that day in London') })
  })

  it('takes the first of a time the clocks repeat', () => {
    // London's clocks went back from 02:00 to 01:00 on 25 October 2026: 01:30 happened twice.
    expect(fromFieldValue('2026-10-25T01:30', 'Europe/London')).toEqual({ ok: true, at: new Date('2026-10-25T00:30:00Z') })
  })

  it('refuses what is not a date', () => {
    expect(fromFieldValue('2026-02-30T10:00', 'UTC')).toEqual({ ok: false, message: 'That is not a date and time.' })
    expect(fromFieldValue('tomorrow', 'UTC')).toEqual({ ok: false, message: 'Choose a date and a time.' })
  })
})
