import { mergeAttributes } from '@tiptap/core'
import type { DOMOutputSpec } from '@tiptap/pm/model'

/**
 * `spec` with `attributes` added to its outer element (a suggestion's class and title, from
 * lib/story-schema/whole-blocks.ts): for a node that builds its own HTML from its attributes.
 */
export function withOuterAttrs(spec: DOMOutputSpec, attributes: Record<string, unknown>): DOMOutputSpec {
  if (!Array.isArray(spec) || Object.keys(attributes).length === 0) return spec
  const [tag, own, ...children] = spec as [string, Record<string, unknown>, ...DOMOutputSpec[]]
  return [tag, mergeAttributes(own, attributes), ...children]
}
