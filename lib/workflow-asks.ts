import type { AuditAction } from './audit'
import type { WorkflowAction } from './workflow'

// What the desk asks before some workflow actions (lib/workflow.ts's table points here): the
// note's label, the refusal when a required note is missing, and what readers will see.

/** What the desk asks before an action: a note, and for a change of what readers see, a confirmation. */
export type ActionAsk = {
  /** The note field's label. */
  noteLabel: string
  /** For a required note: the refusal when it is missing. */
  noteMissing?: string
  /**
   * The action takes the story away from readers (`takedown`: its button stands apart, in red) or
   * brings it back (`restore`); the confirmation names the story and says what readers will see.
   * The reason is recorded in the audit trail too, as `audit`.
   */
  readers?: { effect: 'takedown' | 'restore'; willSee: string; audit: AuditAction }
}

/** The asks of the table's actions. */
export const asks = {
  submit: { noteLabel: 'Note for the editor (optional)' },
  // The note becomes an editorial note too, which the writer answers in the notes.
  requestChanges: { noteLabel: 'Note for the writer (required)', noteMissing: 'Write a note saying what needs to change.' },
  schedule: { noteLabel: 'Note (optional)' },
  unpublish: {
    noteLabel: 'Reason for unpublishing (required)',
    noteMissing: 'Give a reason for unpublishing: it is recorded in the story’s history and in the audit log.',
    readers: {
      effect: 'takedown',
      audit: 'story.unpublish',
      willSee:
        'Readers who open its address will get a page saying the story has been removed (410 Gone), and it leaves the home page, the section pages, the feeds and search.',
    },
  },
  republish: {
    noteLabel: 'Reason for republishing (required)',
    noteMissing: 'Give a reason for republishing: it is recorded in the story’s history and in the audit log.',
    readers: {
      effect: 'restore',
      audit: 'story.republish',
      willSee: 'The story is back at its address, with its newest revision, and on the home page, the section pages, the feeds and search.',
    },
  },
} satisfies Partial<Record<WorkflowAction, ActionAsk>>
