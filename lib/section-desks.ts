import 'server-only'
import { type SQL, eq, sql } from 'drizzle-orm'
import type { Db } from '@/db'
import { sections, userSections, type users } from '@/db/schema'

// Section desks: an editor whose powers hold only in some sections (Regions › Middle East and
// everything under it). The permission table says which powers (scope `section` in
// lib/permissions.ts); this file says where: the sections an admin assigned on the people page,
// expanded to everything under them, carried on the `Actor` that `authorize` and the session read.
// An admin assigns them with `setSectionDesk` (lib/users.ts).

/**
 * The person's section desk as one SQL value: the ids of their sections and of everything under
 * each, or null when they have none (the whole newsroom). A subquery of the row that reads the
 * person, so that reading it costs no extra round trip.
 */
export function sectionDeskOf(userId: SQL | typeof users.id): SQL<number[] | null> {
  return sql<number[] | null>`(
    with recursive desk(id) as (
      select ${userSections.sectionId} from ${userSections} where ${userSections.userId} = ${userId}
      union
      select child.id from ${sections} child join desk on child.parent_id = desk.id
    )
    select array_agg(id order by id) from desk
  )`
}

/** The `sections` of an `Actor`, from `sectionDeskOf`'s value: absent for the whole newsroom. */
export function deskOf(value: readonly number[] | null): { sections?: readonly number[] } {
  return value === null ? {} : { sections: value.map(Number) }
}

/** The sections assigned to the person (not what is under them), for the people page. */
export async function assignedSections(db: Db, userId: number): Promise<number[]> {
  const rows = await db.select({ id: userSections.sectionId }).from(userSections).where(eq(userSections.userId, userId))
  return rows.map((row) => row.id).sort((a, b) => a - b)
}
