import { describe, expect, it } from 'vitest'
import { describeShortcut } from './shortcuts'

describe('keyboard shortcuts as shown', () => {
  it('are written the Mac way on a Mac', () => {
    expect(describeShortcut('Mod-Shift-8', true)).toEqual({ label: '⌘⇧8', aria: 'Meta+Shift+8' })
    expect(describeShortcut('Mod-Alt-2', true)).toEqual({ label: '⌘⌥2', aria: 'Meta+Alt+2' })
  })

  it('are written with Ctrl elsewhere', () => {
    expect(describeShortcut('Mod-b', false)).toEqual({ label: 'Ctrl+B', aria: 'Control+B' })
    expect(describeShortcut('Mod-Shift-s', false)).toEqual({ label: 'Ctrl+Shift+S', aria: 'Control+Shift+S' })
  })
})
