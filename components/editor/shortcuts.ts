/** How a TipTap key binding (`Mod-Shift-8`) is written for people and for `aria-keyshortcuts`. */
export type Shortcut = { label: string; aria: string }

const macLabels: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃' }
const ariaNames: Record<string, (isMac: boolean) => string> = {
  Mod: (isMac) => (isMac ? 'Meta' : 'Control'),
  Ctrl: () => 'Control',
  Shift: () => 'Shift',
  Alt: () => 'Alt',
}

/** `Mod-Shift-8` → `⌘⇧8` on a Mac and `Ctrl+Shift+8` elsewhere; `Mod-Alt--` is Ctrl, Alt and minus. */
export function describeShortcut(binding: string, isMac: boolean): Shortcut {
  const parts = splitBinding(binding)
  const key = (parts.pop() ?? '').toUpperCase()
  const label = isMac
    ? parts.map((part) => macLabels[part] ?? part).join('') + key
    : [...parts.map((part) => (part === 'Mod' ? 'Ctrl' : part)), key].join('+')
  const aria = [...parts.map((part) => ariaNames[part]?.(isMac) ?? part), key].join('+')
  return { label, aria }
}

export function isMacPlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent)
}

/** A binding's modifiers and key, as ProseMirror reads it: a `-` at the end is the minus key. */
export function splitBinding(binding: string): string[] {
  return binding.split(/-(?!$)/)
}
