import { cleanText, isWithin, textLength } from './clean-text'
import { type ActionRule, type WorkflowAction, workflow } from './workflow'

// What a person sends with a workflow action: the note, and for scheduling the time. Checked
// before anything is read from the database; lib/workflow.ts says which action needs which.

/** The longest editorial note (and transition note), in characters. */
export const maxNoteLength = 10_000

/** A note as stored: control characters dropped, lines kept, spaces trimmed (lib/clean-text.ts). */
export function cleanNote(note: string): string {
  return cleanText(note, { multiline: true }).trim()
}

/** Why a (cleaned) note cannot be used, or null. Call it before anything else: a 1 MB note is refused here. */
export function noteProblem(note: string): string | null {
  if (!isWithin(note, maxNoteLength)) {
    return `Keep the note under ${maxNoteLength.toLocaleString('en-GB')} characters (this one has ${textLength(note).toLocaleString('en-GB')}).`
  }
  return null
}

/** Why this action cannot go ahead with this note and time, or null. */
export function checkTransitionInput(action: WorkflowAction, input: { note?: string; scheduledAt?: Date }, now: Date): string | null {
  const rule = workflow[action] as ActionRule | undefined
  if (!rule) return 'That is not something a story can go through.'
  const note = cleanNote(input.note ?? '')
  const problem = noteProblem(note)
  if (problem) return problem
  if (rule.note === 'required' && note === '') return rule.ask?.noteMissing ?? 'Write a note.'
  if (rule.needsTime) return checkScheduleTime(input.scheduledAt, now)
  return null
}

/** Why a story cannot be scheduled for this time, or null: it must be after now and at most a year ahead. */
export function checkScheduleTime(at: Date | undefined, now: Date): string | null {
  if (!at || Number.isNaN(at.getTime())) return 'Choose a date and time to publish the story.'
  if (at.getTime() <= now.getTime()) return 'Choose a time in the future.'
  if (at.getTime() > latestScheduleTime(now).getTime()) return 'Choose a time at most a year ahead.'
  return null
}

/** The latest time a story may be scheduled for: the same moment a year from now. */
export function latestScheduleTime(now: Date): Date {
  const latest = new Date(now)
  latest.setUTCFullYear(latest.getUTCFullYear() + 1)
  return latest
}
