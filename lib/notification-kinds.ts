// THE notification kinds: for each, who is told (`audience`), how the preferences name it, and
// what the desk and the e-mail say. Pure, so that the desk, the mail and the tests read one table.
// lib/notifications.ts sends them; nobody is ever told of a story they may not read.

/**
 * Who is told: `sectionEditors` — the editors whose section desk holds the story (or who have
 * none); `owners` — the story's writers (creator and staff bylines); `named` — the people the
 * event names (those mentioned in a note, the author of the thread a reply joins).
 */
export type Audience = 'sectionEditors' | 'owners' | 'named'

/** What a message is made of: who acted, the story's headline, and the event's own detail. */
export type NotificationText = { actor: string; headline: string; detail: Record<string, string | number | boolean | null> }

export type KindRule = {
  audience: Audience
  /** On the preferences form: "Tell me of …". */
  label: string
  /** One line in the desk. */
  desk: (text: NotificationText) => string
  /** The e-mail's subject line. */
  subject: (text: NotificationText) => string
}

const quoted = (headline: string) => `“${headline || 'Untitled story'}”`
const said = (text: NotificationText) => (typeof text.detail.note === 'string' && text.detail.note ? `: ${text.detail.note}` : '.')

export const notificationKinds = {
  submitted: {
    audience: 'sectionEditors',
    label: 'stories submitted for review in my sections',
    desk: (text) => `${text.actor} submitted ${quoted(text.headline)} for review.`,
    subject: (text) => `For review: ${text.headline || 'Untitled story'}`,
  },
  changesRequested: {
    audience: 'owners',
    label: 'requests for changes to my stories',
    desk: (text) => `${text.actor} asked for changes to ${quoted(text.headline)}${said(text)}`,
    subject: (text) => `Changes requested: ${text.headline || 'Untitled story'}`,
  },
  published: {
    audience: 'owners',
    label: 'publications of my stories',
    desk: (text) => `${text.actor} published ${quoted(text.headline)}.`,
    subject: (text) => `Published: ${text.headline || 'Untitled story'}`,
  },
  corrected: {
    audience: 'owners',
    label: 'corrections to my stories',
    desk: (text) =>
      `${text.actor} added ${text.detail.correctionKind === 'update' ? 'an update note' : 'a correction'} to ${quoted(text.headline)}${said(text)}`,
    subject: (text) => `${text.detail.correctionKind === 'update' ? 'Update' : 'Correction'}: ${text.headline || 'Untitled story'}`,
  },
  mentioned: {
    audience: 'named',
    label: 'notes that mention me',
    desk: (text) => `${text.actor} mentioned you in a note on ${quoted(text.headline)}${said(text)}`,
    subject: (text) => `${text.actor} mentioned you: ${text.headline || 'Untitled story'}`,
  },
  replied: {
    audience: 'named',
    label: 'replies to my notes',
    desk: (text) => `${text.actor} replied to your note on ${quoted(text.headline)}${said(text)}`,
    subject: (text) => `Reply from ${text.actor}: ${text.headline || 'Untitled story'}`,
  },
} as const satisfies Record<string, KindRule>

export type NotificationKind = keyof typeof notificationKinds

export const kindNames = Object.keys(notificationKinds) as NotificationKind[]

export function isNotificationKind(value: string): value is NotificationKind {
  return Object.hasOwn(notificationKinds, value)
}

/** How often a person wants mail: one per notification, one digest a day, or none. */
export const emailFrequencies = ['now', 'daily', 'off'] as const
export type EmailFrequency = (typeof emailFrequencies)[number]

/** The desk's line for a stored notification; an unknown kind (from a newer version) says so plainly. */
export function deskLine(kind: string, text: NotificationText): string {
  return isNotificationKind(kind) ? notificationKinds[kind].desk(text) : `${text.actor} did something on ${quoted(text.headline)}.`
}

/** The plain-text body of one notification's e-mail: its desk line and where to open the story. */
export function mailBody(kind: NotificationKind, text: NotificationText, storyUrl: string): string {
  return `${notificationKinds[kind].desk(text)}\n\nOpen the story: ${storyUrl}\n\nChange what you are told on your profile page in the desk.\n`
}

// A mention is `@` and a person's slug (`@tomas-ferreira`), not preceded by a letter, digit or
// dot, so that an e-mail address in a note is not one.
const mentionPattern = /(?<![\p{L}\p{N}.@_-])@([a-z0-9]+(?:-[a-z0-9]+)*)/gu

/** The slugs a note mentions, each once, in order. */
export function mentionedSlugs(body: string): string[] {
  return [...new Set([...body.toLowerCase().matchAll(mentionPattern)].map((match) => match[1] ?? ''))].filter(Boolean)
}
