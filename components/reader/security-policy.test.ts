import { describe, expect, it } from 'vitest'
import { html } from '@/lib/html'
import { sha256Source } from '@/lib/security-headers'
import { readerPolicy } from './security-policy'
import { readerDocument } from './shell'
import { shareScript } from './story-page'

const chrome = {
  site: {
    name: 'Copydesk',
    url: 'https://news.example',
    publisher: 'Copydesk Media',
    description: 'News.',
    language: 'en',
    correctionsPolicy: '',
    ethicsPolicy: '',
    masthead: '',
    logo: null,
  },
  sections: [{ name: 'World', path: '/world' }],
  pages: [{ title: 'About us', path: '/about' }],
}

/** The bodies of a document's inline `<style>` and `<script>` elements (not JSON-LD, which is data, not code). */
function inlineCode(document: string, tag: 'style' | 'script'): string[] {
  return [...document.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) => match[1] ?? '')
}

describe('the reader’s policy', () => {
  it('allows the inline stylesheet exactly as a page prints it', () => {
    const document = readerDocument(
      { head: { title: 'World', jsonLd: [{ '@context': 'https://schema.org', '@type': 'WebPage' }] }, main: html`<h1>World</h1>` },
      chrome,
    )
    const styles = inlineCode(document, 'style')
    expect(styles).toHaveLength(1)
    for (const style of styles) expect(readerPolicy()).toContain(sha256Source(style))
    // A page without the share bar runs no script at all.
    expect(inlineCode(document, 'script')).toEqual([])
  })

  it('allows the share bar’s script, and no other', () => {
    expect(readerPolicy()).toContain(`script-src ${sha256Source(shareScript)};`)
  })
})
