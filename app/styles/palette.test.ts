import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// The desk's (app/styles/base.css) and the reader's (components/reader/styles/site.css) colours,
// light and dark: each pair of text and what it sits on meets WCAG AA (4.5:1 for text, 3:1 for
// the edges of controls and the focus ring). axe checks the pages; this checks every pair at once,
// including the ones no page happens to show when the e2e tests run.

type Palette = Record<string, string>

/** The custom properties of `:root` outside (light) and inside (dark) `prefers-color-scheme: dark`. */
function palettes(file: string): { light: Palette; dark: Palette; darkOnly: Palette } {
  const css = fs.readFileSync(path.join(import.meta.dirname, '..', '..', file), 'utf8')
  const darkStart = css.indexOf('@media (prefers-color-scheme: dark)')
  const darkBlock = css.slice(darkStart, css.indexOf('\n}\n', darkStart))
  const read = (text: string) =>
    Object.fromEntries([...text.matchAll(/(--[a-z-]+):\s*(#[0-9a-f]{3,6});/gi)].map(([, name, value]) => [name, value]))
  const light = read(css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {'))))
  const darkOnly = read(darkBlock)
  return { light, dark: { ...light, ...darkOnly }, darkOnly }
}

function luminance(hex: string): number {
  const full = hex.length === 4 ? hex.replace(/^#(.)(.)(.)$/, '#$1$1$2$2$3$3') : hex
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(full.slice(at, at + 2), 16) / 255
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

function contrast(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (lighter + 0.05) / (darker + 0.05)
}

const text = 4.5
const edge = 3

/** [foreground, background, minimum] as the stylesheets pair them. */
const deskPairs: [string, string, number][] = [
  ...['--paper', '--surface', '--surface-muted', '--badge', '--badge-admin', '--badge-editor'].flatMap(
    (background): [string, string, number][] => [
      ['--ink', background, text],
      ['--muted', background, text],
    ],
  ),
  ['--accent', '--paper', text],
  ['--accent', '--surface', text],
  ['--ok', '--surface', text],
  ['--link', '--surface', text],
  ['--on-ink', '--ink', text],
  ['--on-accent', '--accent', text],
  ['--on-bar', '--bar', text],
  ['--bar', '--on-bar', text],
  ['--badge-off-ink', '--badge-off', text],
  ['--info-ink', '--info-bg', text],
  ['--warn-ink', '--warn-bg', text],
  ['--warn-ink', '--surface', text],
  ['--error-ink', '--error-bg', text],
  ['--ok-ink', '--ok-bg', text],
  ['--ink', '--ins-bg', text],
  ['--ink', '--del-bg', text],
  ['--control-line', '--surface', edge],
  ['--focus', '--paper', edge],
  ['--focus', '--surface', edge],
  ['--bar-focus', '--bar', edge],
]
const readerPairs: [string, string, number][] = [
  ['--ink', '--paper', text],
  ['--muted', '--paper', text],
  ['--accent', '--paper', text],
  ['--ink', '--surface', text],
  ['--muted', '--surface', text],
  ['--ink', '--badge', text],
  ['--ink', '--highlight', text],
  ['--on-ink', '--ink', text],
  ['--paper', '--ink', text],
  ['--warn-ink', '--warn-bg', text],
  ['--control-line', '--surface', edge],
  ['--focus', '--paper', edge],
]

describe.each([
  ['the desk', 'app/styles/base.css', deskPairs],
  ['the reader’s site', 'components/reader/styles/site.css', readerPairs],
])('%s’s colours', (_, file, pairs) => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`meet WCAG AA contrast in the ${scheme} scheme`, () => {
      const palette = palettes(file)[scheme]
      const failing = pairs.flatMap(([foreground, background, minimum]) => {
        const [fg, bg] = [palette[foreground], palette[background]]
        if (!fg || !bg) return [`${foreground} on ${background}: not defined`]
        const ratio = contrast(fg, bg)
        return ratio < minimum ? [`${foreground} ${fg} on ${background} ${bg}: ${ratio.toFixed(2)} < ${minimum}`] : []
      })
      expect(failing).toEqual([])
    })
  }

  it('has a dark value for every light one', () => {
    const { light, darkOnly } = palettes(file)
    expect(Object.keys(darkOnly).sort()).toEqual(Object.keys(light).sort())
  })
})
