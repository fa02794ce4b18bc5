import { z } from 'zod'
import { plainWords } from './content'
import { type WxrElement, childText } from './read-wxr'

// The records of a WordPress export that the import reads, checked with zod as they come out of
// the file: the export is input from elsewhere, and anything in it may be missing or malformed.

const trimmed = z.string().transform((value) => value.trim())
const id = z.string().regex(/^\d{1,19}$/, 'an id that is not a number')

export const wxrAuthorSchema = z.object({
  id,
  login: trimmed.pipe(z.string().min(1, 'an author without a login')),
  email: trimmed,
  displayName: trimmed,
})
export type WxrAuthor = z.infer<typeof wxrAuthorSchema>

export const wxrTermSchema = z.object({
  id,
  slug: trimmed.pipe(z.string().min(1, 'a term without a slug')),
  name: trimmed,
  parent: trimmed,
  description: trimmed,
})
export type WxrTerm = z.infer<typeof wxrTermSchema>

const termRefSchema = z.object({ domain: z.string(), slug: z.string(), name: trimmed })

export const wxrItemSchema = z.object({
  id,
  type: trimmed,
  status: trimmed,
  title: trimmed,
  link: trimmed,
  creator: trimmed,
  content: z.string(),
  excerpt: z.string(),
  slug: trimmed,
  /** When it was (or will be) published, in UTC: `post_date_gmt`, else `pubDate`; null when neither reads as a time. */
  publishedAt: z.date().nullable(),
  attachmentUrl: trimmed,
  /** A password-protected post's password ('' for none): such a post is never published here. */
  password: z.string(),
  /** How many comments the post had (comments are not imported). */
  comments: z.number().int(),
  terms: z.array(termRefSchema),
  meta: z.record(z.string(), z.string()),
})
export type WxrItem = z.infer<typeof wxrItemSchema>

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string }

function parsed<T>(schema: z.ZodType<T>, input: unknown): Parsed<T> {
  const result = schema.safeParse(input)
  return result.success ? { ok: true, value: result.data } : { ok: false, problem: result.error.issues[0]?.message ?? 'unreadable' }
}

export function readAuthor(element: WxrElement): Parsed<WxrAuthor> {
  return parsed(wxrAuthorSchema, {
    id: childText(element, 'wp:author_id').trim(),
    login: childText(element, 'wp:author_login'),
    email: childText(element, 'wp:author_email'),
    displayName: plainWords(childText(element, 'wp:author_display_name')),
  })
}

/** A `wp:category` or a `wp:tag`. */
export function readTerm(element: WxrElement): Parsed<WxrTerm> {
  const isCategory = element.name === 'wp:category'
  return parsed(wxrTermSchema, {
    id: childText(element, 'wp:term_id').trim(),
    slug: childText(element, isCategory ? 'wp:category_nicename' : 'wp:tag_slug'),
    name: plainWords(childText(element, isCategory ? 'wp:cat_name' : 'wp:tag_name')),
    parent: isCategory ? childText(element, 'wp:category_parent') : '',
    description: childText(element, isCategory ? 'wp:category_description' : 'wp:tag_description'),
  })
}

export function readItem(element: WxrElement): Parsed<WxrItem> {
  const meta: Record<string, string> = {}
  for (const entry of element.children.filter((child) => child.name === 'wp:postmeta')) {
    const key = childText(entry, 'wp:meta_key').trim()
    if (key !== '') meta[key] = childText(entry, 'wp:meta_value')
  }
  const terms = element.children
    .filter((child) => child.name === 'category')
    .map((child) => ({ domain: child.attrs.domain ?? '', slug: child.attrs.nicename ?? '', name: plainWords(child.text) }))
  return parsed(wxrItemSchema, {
    id: childText(element, 'wp:post_id').trim(),
    type: childText(element, 'wp:post_type'),
    status: childText(element, 'wp:status'),
    title: plainWords(childText(element, 'title')),
    link: childText(element, 'link'),
    creator: childText(element, 'dc:creator'),
    content: childText(element, 'content:encoded'),
    excerpt: childText(element, 'excerpt:encoded'),
    slug: childText(element, 'wp:post_name'),
    publishedAt: gmtTime(childText(element, 'wp:post_date_gmt')) ?? rssTime(childText(element, 'pubDate')),
    attachmentUrl: childText(element, 'wp:attachment_url'),
    password: childText(element, 'wp:post_password'),
    comments: element.children.filter((child) => child.name === 'wp:comment').length,
    terms,
    meta,
  })
}

/** `2024-05-12 08:30:00` in UTC; WordPress writes `0000-00-00 00:00:00` for a draft that never had a time. */
function gmtTime(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value.trim())
  if (!match || match[1] === '0000') return null
  const time = new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`)
  return Number.isNaN(time.getTime()) ? null : time
}

/** An RSS date (`Sun, 12 May 2024 08:30:00 +0000`). */
function rssTime(value: string): Date | null {
  if (!/\d{4}/.test(value)) return null
  const time = new Date(value.trim())
  return Number.isNaN(time.getTime()) ? null : time
}
