import type { Db } from '@/db'
import { type RichTextDoc, media, sections, users } from '@/db/schema'
import type { Actor } from '@/lib/permissions'

/** A small newsroom for data tests: two writers, an editor, an admin, two sections, one image. */
export type Newsroom = {
  writer: Actor
  writer2: Actor
  editor: Actor
  admin: Actor
  sectionId: number
  otherSectionId: number
  mediaId: number
}

export async function makeNewsroom(db: Db): Promise<Newsroom> {
  const people = await db
    .insert(users)
    .values(
      (['writer', 'writer2', 'editor', 'admin'] as const).map((key) => ({
        email: `${key}@example.test`,
        name: `${key.charAt(0).toUpperCase()}${key.slice(1)} Person`,
        slug: key,
        role: key === 'writer2' ? ('writer' as const) : key,
        passwordHash: 'not a real hash',
      })),
    )
    .returning({ id: users.id, role: users.role, slug: users.slug })
  const actor = (slug: string): Actor => {
    const person = people.find((row) => row.slug === slug)
    if (!person) throw new Error(`no ${slug}`)
    return { id: person.id, role: person.role }
  }
  const [world, business] = await db
    .insert(sections)
    .values([
      { name: 'World', slug: 'world', position: 0 },
      { name: 'Business', slug: 'business', position: 1 },
    ])
    .returning({ id: sections.id })
  const [image] = await db
    .insert(media)
    .values({
      storageKey: 'demo/test.svg',
      contentHash: 'abc',
      mimeType: 'image/svg+xml',
      byteSize: 10,
      width: 10,
      height: 10,
      caption: 'A harbour',
      credit: 'AGENCY',
    })
    .returning({ id: media.id })
  if (!world || !business || !image) throw new Error('The test newsroom was not created.')
  return {
    writer: actor('writer'),
    writer2: actor('writer2'),
    editor: actor('editor'),
    admin: actor('admin'),
    sectionId: world.id,
    otherSectionId: business.id,
    mediaId: image.id,
  }
}

/** A document of paragraphs, one per argument. */
export function docOf(...paragraphs: string[]): RichTextDoc {
  return { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) }
}
