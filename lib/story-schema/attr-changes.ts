import { Extension } from '@tiptap/core'
import type { RichTextDoc, RichTextNode } from '@/db/schema'
import { type SuggestionAttrs, suggestedBy, suggestionColourIndex, toSuggestionAttrs } from './marks/suggestion'
import { plainAttribute } from './nodes/suggestion-marker'

// A figure's or embed's words or image changed as a suggestion: the block has its new values at
// once, and records the values it had (`wasCaption`, `wasSrc`…) with who and when (`changeId`,
// `changeAuthorId`, `changeAuthorName`, `changeAt`), as its own flat attributes, as the shared
// document keeps a node's attributes but not the marks of a node that is not text. Readers get
// the values it had (`formerAttrs`) until an editor accepts.

/**
 * The parts of a figure or embed whose change may be suggested, by name, each the attributes it
 * is made of: a part is recorded when its first attribute's former value is there (a former
 * `mediaId` may be null, a former `src` never is).
 */
const changeableParts = {
  figure: { caption: ['caption'], credit: ['credit'], 'alt text': ['alt'], image: ['src', 'mediaId', 'width', 'height'], kind: ['kind'] },
  embed: { caption: ['caption'], address: ['url', 'provider'] },
} as const satisfies Record<string, Record<string, readonly [string, ...string[]]>>

export type AttrChangeType = keyof typeof changeableParts
const attrChangeTypes = Object.keys(changeableParts) as AttrChangeType[]

const whoNames = { id: 'changeId', authorId: 'changeAuthorId', authorName: 'changeAuthorName', at: 'changeAt' } as const

export function isAttrChangeType(type: string): type is AttrChangeType {
  return Object.hasOwn(changeableParts, type)
}

/** `wasCaption` for `caption`: where the value an attribute had is kept while its change is pending. */
export function formerName(attr: string): string {
  return `was${attr.charAt(0).toUpperCase()}${attr.slice(1)}`
}

/** The parts of a block of `type` whose change may be suggested, each with the attributes it is made of. */
export function partsOf(type: AttrChangeType): [string, readonly [string, ...string[]]][] {
  return Object.entries(changeableParts[type])
}

/** Every attribute of a change's record on a block of `type`: who and when, and the former values. */
export function attrChangeNames(type: AttrChangeType): string[] {
  return [...Object.values(whoNames), ...partsOf(type).flatMap(([, attrs]) => attrs.map(formerName))]
}

/** The attributes that make a block of `type` no longer changed as a suggestion. */
export function noAttrChange(type: AttrChangeType): Record<string, null> {
  return Object.fromEntries(attrChangeNames(type).map((name) => [name, null]))
}

/** Who suggested the change of a block with these attributes, and when; null when none is recorded. */
export function attrChangeWho(attrs: Record<string, unknown>): SuggestionAttrs | null {
  if (attrs[whoNames.id] === null || attrs[whoNames.id] === undefined) return null
  return toSuggestionAttrs(Object.fromEntries(Object.entries(whoNames).map(([key, name]) => [key, attrs[name]])))
}

/** The attributes that say `who` suggested the change. */
export function attrChangeWhoAttrs(who: SuggestionAttrs): Record<string, unknown> {
  return Object.fromEntries(Object.entries(whoNames).map(([key, name]) => [name, who[key as keyof SuggestionAttrs]]))
}

/** The parts of a block of `type` whose former values these attributes record, with those attributes. */
export function recordedParts(type: AttrChangeType, attrs: Record<string, unknown>): [string, readonly string[]][] {
  return partsOf(type).filter(([, [lead]]) => attrs[formerName(lead)] !== null && attrs[formerName(lead)] !== undefined)
}

/** The suggested change of a figure or embed in a body's JSON: who, and the names of the parts changed. */
export function attrChangeOf(node: RichTextNode): { who: SuggestionAttrs; parts: string[] } | null {
  if (!isAttrChangeType(node.type) || !node.attrs) return null
  const who = attrChangeWho(node.attrs)
  const parts = recordedParts(node.type, node.attrs).map(([name]) => name)
  return who && parts.length > 0 ? { who, parts } : null
}

/** "caption", "caption and credit", "caption, credit and image". */
function listed(parts: readonly string[]): string {
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '')
}

/** "Figure changed: caption and credit": what accepting the change does, in the Suggestions list. */
export function describeAttrChange(type: AttrChangeType, parts: readonly string[]): string {
  return `${type === 'figure' ? 'Figure' : 'Embed'} changed: ${listed(parts)}`
}

/**
 * The attributes a figure or embed keeps as stored: `own` (its own made safe, with any suggestion of
 * it in or out; null when it is dropped) and a change's record, whose former values are made safe
 * the same way; a record without its author, or whose former values would not be shown, is dropped.
 */
export function withAttrChange(type: AttrChangeType, own: (attrs: Record<string, unknown>) => Record<string, unknown> | null) {
  return (attrs: Record<string, unknown>): Record<string, unknown> | null => {
    const safe = own(attrs)
    const who = attrChangeWho(attrs)
    const parts = recordedParts(type, attrs)
    if (!safe || !who || parts.length === 0) return safe
    const formerly = own(
      Object.fromEntries([...Object.entries(attrs), ...parts.flatMap(([, names]) => names.map((name) => [name, attrs[formerName(name)]]))]),
    )
    if (!formerly) return safe
    // A former value that is null (an image not in the library) is left out, as the editor's JSON leaves it (withoutUnchangedAttrs).
    const record = parts
      .flatMap(([, names]) => names.map((name) => [formerName(name), formerly[name] ?? null]))
      .filter(([, value]) => value !== null)
    return { ...safe, ...attrChangeWhoAttrs(who), ...Object.fromEntries(record) }
  }
}

/** A figure or embed as readers get it: with the values it had, without the record of its change. */
export function formerAttrs(node: RichTextNode): RichTextNode {
  if (!isAttrChangeType(node.type) || !node.attrs) return node
  const names = attrChangeNames(node.type)
  if (!names.some((name) => name in (node.attrs ?? {}))) return node
  const attrs = Object.fromEntries(Object.entries(node.attrs).filter(([name]) => !names.includes(name)))
  for (const [, parts] of recordedParts(node.type, node.attrs)) for (const name of parts) attrs[name] = node.attrs[formerName(name)] ?? null
  return { ...node, attrs }
}

/** Whether `node` is a figure or embed whose change is suggested. */
export function hasAttrChange(node: RichTextNode): boolean {
  return isAttrChangeType(node.type) && node.attrs?.[whoNames.id] !== null && node.attrs?.[whoNames.id] !== undefined
}

/**
 * `doc` (the editor's JSON) without the record attributes its figures and embeds hold as null (the
 * schema fills them in), so that a body with no change suggested reads as it was saved. A copy.
 */
export function withoutUnchangedAttrs(doc: RichTextDoc): RichTextDoc {
  const strip = (node: RichTextNode): RichTextNode => {
    const copy = node.content ? { ...node, content: node.content.map(strip) } : node
    if (!isAttrChangeType(node.type) || !node.attrs) return copy
    const names = attrChangeNames(node.type)
    return {
      ...copy,
      attrs: Object.fromEntries(Object.entries(node.attrs).filter(([name, value]) => value !== null || !names.includes(name))),
    }
  }
  return doc.content ? { ...doc, content: doc.content.map(strip) } : doc
}

/**
 * The attributes of a figure's or embed's suggested change. In the desk a changed block is outlined
 * in the suggester's colour with what changed, who and when in its title.
 */
export const AttrChangeSuggestions = Extension.create({
  name: 'attrChangeSuggestions',

  addGlobalAttributes() {
    return attrChangeTypes.map((type) => ({
      types: [type],
      attributes: {
        ...Object.fromEntries(attrChangeNames(type).map((name) => [name, plainAttribute])),
        [whoNames.id]: {
          default: null,
          parseHTML: () => null,
          renderHTML: (attrs: Record<string, unknown>) => {
            const who = attrChangeWho(attrs)
            const parts = recordedParts(type, attrs).map(([name]) => name)
            if (!who || parts.length === 0) return {}
            return {
              class: `suggestion suggested-attrs suggestion-colour-${suggestionColourIndex(who.authorName)}`,
              'data-suggestion': who.id,
              title: suggestedBy(`New ${listed(parts)}`, who),
            }
          },
        },
      },
    }))
  },
})
