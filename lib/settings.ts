import 'server-only'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Db, Tx } from '@/db'
import { settings, users } from '@/db/schema'
import { recordAudit } from './audit'
import { authorize } from './authorize'
import { type TimeZone, isTimeZone } from './clock'
import { keptValue } from './kept-values'
import { pageKey } from './page-keys'
import type { Actor } from './permissions'
import { type CheckSeverities, checkSeveritiesSchema, defaultSeverities } from './prepublish-checks'
import { type Publication, publicationDefaults, publicationSchema } from './publication-schema'
import { announceChange } from './reader-changes'
import { type SuggestionDefault, suggestionDefaultFallback, suggestionDefaultSchema } from './suggestion-mode'
import { type Result, invalidInput } from './refusal'

const timeZoneSchema = z.string().trim().refine(isTimeZone, 'Choose a time zone from the list, such as Asia/Beirut or UTC.')

const retentionMessage = 'Keep stories in the trash for a whole number of days, from 1 to 365.'
const retentionSchema = z.coerce
  .number({ message: retentionMessage })
  .int(retentionMessage)
  .min(1, retentionMessage)
  .max(365, retentionMessage)
  .transform(String)

/**
 * THE newsroom's settings: each with its check and its default. A value saved in the desk wins; the
 * default comes from the server's environment, so a new newsroom works before anyone sets anything.
 */
const definitions = {
  /** The zone every time in the desk is shown and typed in, unless a person chose their own. */
  timeZone: {
    schema: timeZoneSchema,
    fallback: (env: NodeJS.ProcessEnv = process.env): TimeZone => {
      const configured = env.NEWSROOM_TIME_ZONE?.trim()
      return configured && isTimeZone(configured) ? configured : Intl.DateTimeFormat().resolvedOptions().timeZone
    },
  },
  /** How many days a story stays in the trash (lib/trash.ts) before the scheduler deletes it for good. */
  trashRetentionDays: {
    schema: retentionSchema,
    fallback: () => '30',
  },
  /** Which checks of the pre-publish checklist block a story and which only warn (lib/prepublish-checks.ts), as JSON. */
  checkSeverities: {
    schema: checkSeveritiesSchema.transform((chosen) => JSON.stringify(chosen)),
    fallback: (): string => JSON.stringify(defaultSeverities),
  },
  /** Who opens a story with Suggest changes on (lib/suggestion-mode.ts). */
  suggestionDefault: {
    schema: suggestionDefaultSchema,
    fallback: (): SuggestionDefault => suggestionDefaultFallback,
  },
  /** The publication readers meet: name, address, publisher, logo, language, policies (lib/site.ts), as JSON. */
  publication: {
    schema: publicationSchema.transform((publication) => JSON.stringify(publication)),
    fallback: (): string => JSON.stringify(publicationDefaults()),
  },
  /** Whether webhooks may go to private, loopback and link-local addresses (lib/webhooks/addresses.ts): for local testing. */
  webhookPrivateAddresses: {
    schema: z.enum(['refused', 'allowed'], { error: 'Choose whether webhooks may go to private addresses.' }),
    fallback: () => 'refused',
  },
} as const

export type SettingKey = keyof typeof definitions

/** A setting's value: the one saved in the desk, or its default. */
export async function readSetting(db: Db | Tx, key: SettingKey): Promise<string> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key))
  return row?.value ?? definitions[key].fallback()
}

/**
 * A setting as every desk page reads it: all settings are read in one query and kept in this
 * process until a change to them is announced (`writeSetting`). Inside a transaction, read
 * `readSetting` instead.
 */
export async function keptSetting(db: Db, key: SettingKey): Promise<string> {
  const saved = await keptValue(db, pageKey.settings, async () => {
    const rows = await db.select({ key: settings.key, value: settings.value }).from(settings)
    return new Map(rows.map((row) => [row.key, row.value]))
  })
  return saved.get(key) ?? definitions[key].fallback()
}

/** An admin saves a setting; the change is in the audit log with its old and new value. */
export async function writeSetting(db: Db, actor: Actor, key: SettingKey, raw: unknown, client = ''): Promise<Result<{ value: string }>> {
  const allowed = await authorize(db, actor, 'site.manage')
  if (!allowed.ok) return allowed
  const parsed = definitions[key].schema.safeParse(raw)
  if (!parsed.success) return invalidInput({ issues: parsed.error.issues.map((issue) => ({ ...issue, path: [key] })) })
  const value = parsed.data
  const before = await readSetting(db, key)
  await db.transaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key, value, updatedBy: actor.id })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: actor.id, updatedAt: new Date() } })
    await recordAudit(tx, { action: 'settings.change', actorId: actor.id, detail: { setting: key, from: before, to: value }, client })
  })
  await announceChange(db, [pageKey.settings])
  return { ok: true, value }
}

/** How many days a story stays in the trash before it is deleted for good. */
export async function trashRetentionDays(db: Db): Promise<number> {
  return Number(await keptSetting(db, 'trashRetentionDays'))
}

/** Which checks of the pre-publish checklist block and which warn: the newsroom's choice, each check it left out at its default. */
export async function readCheckSeverities(db: Db | Tx): Promise<CheckSeverities> {
  const saved = checkSeveritiesSchema.safeParse(parseJson(await readSetting(db, 'checkSeverities')))
  return saved.success ? saved.data : defaultSeverities
}

/** Who opens a story with Suggest changes on: the newsroom's choice, or nobody. */
export async function readSuggestionDefault(db: Db | Tx): Promise<SuggestionDefault> {
  const saved = suggestionDefaultSchema.safeParse(await readSetting(db, 'suggestionDefault'))
  return saved.success ? saved.data : suggestionDefaultFallback
}

/** The publication as an admin saved it, or the environment's defaults. */
export async function readPublication(db: Db | Tx): Promise<Publication> {
  const saved = publicationSchema.safeParse(parseJson(await readSetting(db, 'publication')))
  return saved.success ? saved.data : publicationDefaults()
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/** The zone this person chose for themselves, or '' when they follow the newsroom's. */
export async function ownTimeZoneChoice(db: Db, userId: number): Promise<TimeZone | ''> {
  const [row] = await db.select({ own: users.timeZone }).from(users).where(eq(users.id, userId))
  return row?.own ?? ''
}

/** The zone this person reads the desk in: their own choice (read with their session), else the newsroom's. */
export async function viewerTimeZone(db: Db, person: { ownTimeZone: TimeZone | '' }): Promise<TimeZone> {
  return person.ownTimeZone || keptSetting(db, 'timeZone')
}

/** A person chooses the zone they read the desk in; an empty choice means the newsroom's. */
export async function chooseOwnTimeZone(db: Db, actor: Actor, raw: unknown): Promise<Result<{ timeZone: TimeZone }>> {
  const parsed = z.union([z.literal(''), timeZoneSchema]).safeParse(raw)
  if (!parsed.success) return invalidInput({ issues: parsed.error.issues.map((issue) => ({ ...issue, path: ['timeZone'] })) })
  await db.update(users).set({ timeZone: parsed.data }).where(eq(users.id, actor.id))
  return { ok: true, timeZone: parsed.data || (await readSetting(db, 'timeZone')) }
}
