import { describe, expect, it } from 'vitest'
import { checkScheduleTime, checkTransitionInput } from './workflow-input'

describe('notes and times', () => {
  const now = new Date('2030-03-01T09:00:00Z')

  it('requires a note to request changes, and refuses one of only spaces', () => {
    expect(checkTransitionInput('requestChanges', {}, now)).toBe('Write a note saying what needs to change.')
    expect(checkTransitionInput('requestChanges', { note: '   ' }, now)).toBe('Write a note saying what needs to change.')
    expect(checkTransitionInput('requestChanges', { note: 'Check the figures.' }, now)).toBeNull()
  })

  it('takes a note of 10,000 characters and refuses a 1 MB one with its size', () => {
    expect(checkTransitionInput('publish', { note: 'x'.repeat(10_000) }, now)).toBeNull()
    expect(checkTransitionInput('requestChanges', { note: 'x'.repeat(1024 * 1024) }, now)).toBe(
      'Keep the note under 10,000 characters (this one has 1,048,576).',
    )
  })

  it('schedules only after now and at most a year ahead', () => {
    const at = (iso: string) => new Date(iso)
    expect(checkScheduleTime(undefined, now)).toBe('Choose a date and time to publish the story.')
    expect(checkScheduleTime(at('invalid'), now)).toBe('Choose a date and time to publish the story.')
    expect(checkScheduleTime(now, now)).toBe('Choose a time in the future.')
    expect(checkScheduleTime(at('2030-02-28T09:00:00Z'), now)).toBe('Choose a time in the future.')
    expect(checkScheduleTime(at('2030-03-01T09:00:01Z'), now)).toBeNull()
    expect(checkScheduleTime(at('2031-03-01T09:00:00Z'), now)).toBeNull()
    expect(checkScheduleTime(at('2031-03-01T09:00:01Z'), now)).toBe('Choose a time at most a year ahead.')
    expect(checkTransitionInput('schedule', { scheduledAt: at('2030-03-02T07:00:00Z') }, now)).toBeNull()
    expect(checkTransitionInput('publish', {}, now)).toBeNull()
  })
})
