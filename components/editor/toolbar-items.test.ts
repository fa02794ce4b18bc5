import { type AnyExtension, flattenExtensions, getExtensionField } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { storyExtensions } from '@/lib/story-schema/extensions'
import { PanelShortcuts } from './panel-shortcuts'
import { describeShortcut, splitBinding } from './shortcuts'
import { toolbarItems } from './toolbar-items'

/** A binding with its modifiers in one order and its key in lower case: `Shift-Mod-Z` → `mod-shift-z`. */
function normalize(binding: string): string {
  const parts = splitBinding(binding.toLowerCase())
  const key = parts.pop() ?? ''
  return [...parts.sort(), key].join('-')
}

/** The key bindings the browser editor's extensions declare (their handlers are not run). */
function boundKeys(extensions: AnyExtension[]): Set<string> {
  const keys = new Set<string>()
  for (const extension of flattenExtensions(extensions)) {
    const declare = getExtensionField<(() => Record<string, unknown>) | undefined>(extension, 'addKeyboardShortcuts', {
      name: extension.name,
      options: extension.options,
      storage: extension.storage,
      editor: undefined,
      type: undefined,
      parent: undefined,
    })
    for (const binding of Object.keys(declare?.() ?? {})) keys.add(normalize(binding))
  }
  return keys
}

// Shortcuts the browser or the operating system keeps for itself, or that a page cannot rely on.
const reserved = [
  'Mod-n',
  'Mod-Shift-n',
  'Mod-t',
  'Mod-Shift-t',
  'Mod-w',
  'Mod-Shift-w',
  'Mod-q',
  'Mod-l',
  'Mod-r',
  'Mod-Shift-r',
  'Mod-p',
  'Mod-s',
  'Mod-f',
  'Mod-h',
  'Mod-j',
  'Mod-d',
  'Mod-Shift-i',
  'Mod-Shift-j',
  'Mod-Shift-c',
  'Mod-Shift-p',
  'Mod-Shift-delete',
  'Mod-Shift-v',
  'Mod-Shift-u',
  'Mod-Alt-h',
  'Mod-Alt-i',
  'Mod-Alt-j',
  'Mod-Alt-c',
  'Mod-Alt-u',
  'Mod-Alt-m',
  'Mod-Alt-d',
  'Mod-Alt-l',
  'Mod-Alt-r',
  'Mod-Alt-t',
  'Mod-Alt-delete',
  'Mod-Alt-escape',
].map(normalize)

describe('the toolbar’s keyboard shortcuts', () => {
  const editorKeys = boundKeys([...storyExtensions, PanelShortcuts])

  it('give every button a shortcut, shown in its title and to assistive technology', () => {
    for (const item of toolbarItems) {
      expect(item.keys, item.label).toMatch(/^(Mod|Shift|Alt)(-(Shift|Alt))*-./)
      const shown = describeShortcut(item.keys, false)
      expect(shown.label, item.label).toMatch(/^Ctrl\+/)
      expect(shown.aria, item.label).toMatch(/^Control\+/)
    }
  })

  it('give no two buttons the same shortcut', () => {
    const keys = toolbarItems.map((item) => normalize(item.keys))
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('are each bound by the editor, so pressing one does what its button does', () => {
    for (const item of toolbarItems) expect(editorKeys, `${item.label} (${item.keys})`).toContain(normalize(item.keys))
  })

  it('keep clear of the browser’s own shortcuts', () => {
    for (const item of toolbarItems) expect(reserved, `${item.label} (${item.keys})`).not.toContain(normalize(item.keys))
  })

  it.each([
    ['Pull quote', '⌘⌥P', 'Ctrl+Alt+P'],
    ['Figure', '⌘⌥F', 'Ctrl+Alt+F'],
    ['Embed', '⌘⌥E', 'Ctrl+Alt+E'],
    ['Horizontal rule', '⌘⌥-', 'Ctrl+Alt+-'],
  ])('show %s as %s on a Mac and %s elsewhere', (label, mac, other) => {
    const item = toolbarItems.find((candidate) => candidate.label === label)
    expect(item && describeShortcut(item.keys, true).label).toBe(mac)
    expect(item && describeShortcut(item.keys, false).label).toBe(other)
  })
})
