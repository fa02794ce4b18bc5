import 'server-only'
import { type SQL, and, eq, sql } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import { prosemirrorToYXmlFragment, updateYFragment, yXmlFragmentToProsemirrorJSON } from 'y-prosemirror'
import * as Y from 'yjs'
import type { Db } from '@/db'
import { type RichTextDoc, articles, collabLeases, revisions, storyDocuments } from '@/db/schema'
import { snapshotColumns } from '../editable-article'
import { asEditorJson, storySchema } from '../rich-text-repair'
import { followsHeadline } from '../story-draft'
import { documentParts } from './paths'
import { textChange } from './shared-text'
import { type FieldValues, type MapField, fieldMapOf, mapFields, readFieldValues, untypedFields, writeFieldValues } from './story-fields'

// A story's shared document: the parts people write together, in one Yjs document. The editor's
// collaboration extension binds `body` (a ProseMirror document in the story schema); the headline
// and standfirst are plain Y.Text. Stored compacted, and the source of the draft while it is open.

export { documentParts }

/** The sync server's name for a story's document. */
export function documentNameOf(articleId: number): string {
  return `article:${articleId}`
}

/** The story a document name stands for, or null for a name that is not one of ours. */
export function articleIdOf(documentName: string): number | null {
  const match = /^article:([1-9][0-9]{0,9})$/.exec(documentName)
  const id = match ? Number(match[1]) : NaN
  return Number.isSafeInteger(id) && id <= 2_147_483_647 ? id : null
}

/** What the shared document holds of a story's draft: its text, and with `fields` its other fields. */
export type SharedDraft = { headline: string; standfirst: string; body: RichTextDoc; fields?: FieldValues }

/**
 * A new shared document holding this draft. Built from revision `fromRevision`, it is written as
 * Yjs client `fromRevision`, so that the same revision always makes the same bytes: two instances
 * building a story's document at once (with Redis) then merge into one copy, not two.
 */
export function buildStoryDocument(draft: SharedDraft, fromRevision?: number): Y.Doc {
  const doc = new Y.Doc()
  if (fromRevision !== undefined) doc.clientID = fromRevision
  // The body is made a ProseMirror node by the story schema's own ProseMirror (the app's bundle
  // may hold another copy than y-prosemirror's), which y-prosemirror only reads.
  prosemirrorToYXmlFragment(storySchema.nodeFromJSON(draft.body), doc.getXmlFragment(documentParts.body))
  doc.getText(documentParts.headline).insert(0, draft.headline)
  doc.getText(documentParts.standfirst).insert(0, draft.standfirst)
  if (draft.fields) writeFieldValues(fieldMapOf(doc), draft.fields)
  return doc
}

/**
 * Makes the shared document hold `draft` (a revision restored, a write through the API) by changing
 * only what differs, in one transaction: everyone's copy follows, and carets elsewhere stay put.
 */
export function replaceStoryDocument(doc: Y.Doc, draft: SharedDraft): void {
  doc.transact(() => {
    replaceText(doc.getText(documentParts.headline), draft.headline)
    replaceText(doc.getText(documentParts.standfirst), draft.standfirst)
    const body = storySchema.nodeFromJSON(draft.body)
    updateYFragment(doc, doc.getXmlFragment(documentParts.body), body, { mapping: new Map(), isOMark: new Map() })
    if (draft.fields) writeFieldValues(fieldMapOf(doc), draft.fields)
  })
}

/** Makes `text` read `wanted` by the one edit between them (lib/collab/shared-text.ts). */
function replaceText(text: Y.Text, wanted: string): void {
  const change = textChange(text.toString(), wanted)
  if (!change) return
  text.delete(change.index, change.remove)
  text.insert(change.index, change.insert)
}

/** The draft as the shared document has it now. */
export function readStoryDocument(doc: Y.Doc): SharedDraft {
  const body = asEditorJson(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(documentParts.body)) as RichTextDoc)
  return {
    headline: doc.getText(documentParts.headline).toString(),
    standfirst: doc.getText(documentParts.standfirst).toString(),
    body,
  }
}

/**
 * The story's current draft revision as its shared document holds it (a slug that follows the
 * headline of a story never published kept empty, as the form keeps it); null when there is no such story.
 */
export async function currentSharedDraft(
  db: Db,
  articleId: number,
): Promise<(SharedDraft & { fields: FieldValues; revisionId: number }) | null> {
  const [row] = await db
    .select({ ...snapshotColumns, revisionId: revisions.id, firstPublishedAt: articles.firstPublishedAt })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.currentRevisionId))
    .where(eq(articles.id, articleId))
  if (!row) return null
  const { headline, standfirst, body, revisionId } = row
  const fields = fieldsOfRow(row)
  if (row.firstPublishedAt === null && followsHeadline(fields.slug, headline)) fields.slug = ''
  return { headline, standfirst, body, fields, revisionId }
}

function fieldsOfRow(row: Record<MapField, unknown>): FieldValues {
  return Object.fromEntries(mapFields.map((field) => [field, row[field]])) as FieldValues
}

/**
 * The forms the story's field map may hold revision `revisionId`'s fields in: as saved, and, for
 * a slug that follows the headline, with the slug empty, as the map holds it until the story is
 * first published. None when the story has no such revision.
 */
async function fieldFormsOf(db: Db, articleId: number, revisionId: number | null): Promise<FieldValues[]> {
  if (revisionId === null) return []
  const [row] = await db
    .select(snapshotColumns)
    .from(revisions)
    .where(and(eq(revisions.id, revisionId), eq(revisions.articleId, articleId)))
  if (!row) return []
  const fields = fieldsOfRow(row)
  return followsHeadline(fields.slug, row.headline) ? [fields, { ...fields, slug: '' }] : [fields]
}

/** The stored document and what it knows of the story's revisions. */
export type StoredDocument = { state: Uint8Array; revisionId: number | null; contributors: number[] }

/**
 * Fills `into` (an empty document the sync server made) with the story's shared document: the
 * stored one; for a story saved by other means since, with nothing of the stored one left to cut,
 * the stored one changed to hold the saved draft; for a story never opened together, one built
 * from its current draft revision. False when the story does not exist. Answers the people whose
 * changes are stored but not yet in a revision, and, when it took or was built from a draft
 * revision, that revision (it holds every save up to it).
 *
 * The saved draft goes into the stored document rather than a new one, so that a browser tab still
 * holding the old copy (offline meanwhile) merges with it instead of adding its text a second time.
 * It is written as Yjs client `revisionId`, as a built document is, so that two instances doing it
 * at once make the same bytes.
 *
 * A story `isOpenElsewhere` (on another instance, with Redis) is never built again: that instance's
 * copy, which the stored one came from, will merge into this one, and a copy built afresh would
 * hold its text a second time. What is saved by other means reaches that copy where it is open
 * (lib/collab/saved-elsewhere.ts, lib/collab/form-saves.ts).
 */
export async function loadStoryDocument(
  db: Db,
  articleId: number,
  into: Y.Doc,
  { isOpenElsewhere = false, heldBy = null }: { isOpenElsewhere?: boolean; heldBy?: string | null } = {},
): Promise<{ found: boolean; contributors: number[]; builtFrom: number | null }> {
  const row = await currentSharedDraft(db, articleId)
  if (!row) return { found: false, contributors: [], builtFrom: null }
  const stored = await getStoredDocument(db, articleId)
  // The other fields are saved by the forms: the map takes the revision's values but for those
  // typed into it since the stored document's revision that no save took (untypedFields).
  const base = stored ? await fieldFormsOf(db, articleId, stored.revisionId) : []
  if (stored && (stored.revisionId === row.revisionId || stored.contributors.length > 0 || isOpenElsewhere)) {
    Y.applyUpdate(into, stored.state)
    const map = fieldMapOf(into)
    writeFieldValues(map, untypedFields(base, readFieldValues(map), row.fields))
    return { found: true, contributors: stored.contributors, builtFrom: null }
  }
  Y.applyUpdate(into, Y.encodeStateAsUpdate(stored ? withSavedDraft(stored.state, row, base) : buildStoryDocument(row, row.revisionId)))
  await storeStoryDocument(db, articleId, into, { revisionId: row.revisionId, heldBy })
  return { found: true, contributors: [], builtFrom: row.revisionId }
}

/**
 * The stored document `state` changed to hold `draft`, revision `draft.revisionId`, written as
 * that client; of its fields, the `untypedFields` since `base`, the stored document's revision.
 */
function withSavedDraft(state: Uint8Array, draft: SharedDraft & { fields: FieldValues; revisionId: number }, base: FieldValues[]): Y.Doc {
  const doc = new Y.Doc()
  doc.clientID = draft.revisionId
  Y.applyUpdate(doc, state)
  const { fields, ...text } = draft
  const map = fieldMapOf(doc)
  replaceStoryDocument(doc, text)
  writeFieldValues(map, untypedFields(base, readFieldValues(map), fields))
  return doc
}

export async function getStoredDocument(db: Db, articleId: number): Promise<StoredDocument | null> {
  const [row] = await db
    .select({ state: storyDocuments.state, revisionId: storyDocuments.revisionId, contributors: storyDocuments.contributors })
    .from(storyDocuments)
    .where(eq(storyDocuments.articleId, articleId))
  return row ?? null
}

/**
 * The revision last cut from a stored document, when it is stored as one; and, without Redis, the
 * instance that may store it (`heldBy`, lib/collab/lease.ts).
 */
export type StoredChange = { revisionId?: number | null; heldBy?: string | null }

/**
 * Stores the document compacted to one update (its history's deleted content garbage-collected
 * by Yjs, only what is needed to merge with other copies kept), with `revisionId` when it holds a
 * revision just cut from it or saved into it. Who typed into it is kept apart (`addContributors`).
 *
 * With `heldBy`, only while that instance holds the story's lease: one whose lease another
 * instance took (its own lapsed, or its lock was lost before it heard so) stores nothing more, so
 * that its copy never replaces the one the other serves. Its people keep their typing on their
 * devices until a store holds it (lib/collab/stored.ts), and it goes in once they reach the other.
 * The lease's row is locked for the statement: a lease taken meanwhile waits for the store, and
 * the instance taking it reads the document after. The first store of a story (no row yet) is its
 * first load's, just after the lease is taken. Answers whether it stored.
 */
export async function storeStoryDocument(db: Db, articleId: number, doc: Y.Doc, change: StoredChange = {}): Promise<boolean> {
  const state = Y.encodeStateAsUpdate(doc)
  const now = new Date()
  const revision = change.revisionId === undefined ? {} : { revisionId: change.revisionId }
  const heldHere = change.heldBy
    ? sql`exists (select from ${collabLeases} where ${collabLeases.articleId} = ${articleId}
        and ${collabLeases.instance} = ${change.heldBy} for share)`
    : undefined
  const stored = await db
    .insert(storyDocuments)
    .values({ articleId, state, revisionId: change.revisionId ?? null, contributors: [], updatedAt: now })
    .onConflictDoUpdate({ target: storyDocuments.articleId, set: { state, updatedAt: now, ...revision }, setWhere: heldHere })
    .returning({ articleId: storyDocuments.articleId })
  return stored.length > 0
}

// Who typed into a story's shared document since its last revision cut is kept in the database,
// beside the stored document, rather than in one instance's memory: with Redis, people type into
// one story through several instances, and whichever cuts the revision names them all.

/**
 * Adds people who typed into the story's stored document since its last cut. This runs every
 * quarter of a second while they type (lib/collab/revision-cutter.ts): a row that names them all
 * already is left as it is, not written again with the whole document beside it.
 */
export async function addContributors(db: Db, articleId: number, people: readonly number[]): Promise<void> {
  if (people.length === 0) return
  const named = sql`${storyDocuments.contributors} @> ${JSON.stringify([...new Set(people)])}::jsonb`
  await db
    .update(storyDocuments)
    .set({ contributors: withPeople(storyDocuments.contributors, people) })
    .where(and(eq(storyDocuments.articleId, articleId), sql`not ${named}`))
}

/** A jsonb list of people's ids (`column`) with `people` added: each id once, in order. */
export function withPeople(column: AnyPgColumn, people: readonly number[]): SQL {
  return sql`(select coalesce(jsonb_agg(distinct value order by value), '[]'::jsonb) from jsonb_array_elements(${column} || ${JSON.stringify([...new Set(people)])}::jsonb))`
}

/** Who typed into the story since its last cut, as the database knows now. */
export async function pendingContributors(db: Db, articleId: number): Promise<number[]> {
  return (await getStoredDocument(db, articleId))?.contributors ?? []
}

/**
 * Takes who typed since the last cut, leaving nobody: one cut takes them, and another instance
 * cutting the same pause at once finds nobody and cuts nothing.
 */
export async function takeContributors(db: Db, articleId: number): Promise<number[]> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ contributors: storyDocuments.contributors })
      .from(storyDocuments)
      .where(eq(storyDocuments.articleId, articleId))
      .for('update')
    if (!row || row.contributors.length === 0) return []
    await tx.update(storyDocuments).set({ contributors: [] }).where(eq(storyDocuments.articleId, articleId))
    return row.contributors
  })
}
