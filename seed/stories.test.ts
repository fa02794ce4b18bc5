import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RichTextNode } from '@/db/schema'
import { walk } from './builders'
import { demoImages, demoImagesFolder, svgSize } from './images'
import { defaultSeverities, runChecklist } from '@/lib/prepublish-checks'
import { renderRichText, sanitizeDoc } from '@/lib/rich-text'
import { demoStories } from './stories'
import { storyProblem } from './story-types'

// The node types, marks and attributes the editor's schema supports; anything else would be dropped or refused.
const allowed: Record<string, string[]> = {
  paragraph: [],
  heading: ['level'],
  text: [],
  bulletList: [],
  orderedList: [],
  listItem: [],
  blockquote: ['attribution'],
  figure: ['kind', 'mediaId', 'src', 'alt', 'caption', 'credit', 'width', 'height'],
  horizontalRule: [],
}
const allowedMarks = ['bold', 'italic', 'link']

const documents = demoStories.flatMap((story) => story.revisions.map((revision) => ({ headline: revision.headline, body: revision.body })))

describe('the demo stories as data', () => {
  it.each(demoStories.map((story) => [story.revisions.at(-1)?.headline, story] as const))('“%s” is consistent', (_, story) => {
    expect(storyProblem(story)).toBeNull()
  })

  // The desk's own stories must go through the pre-publish checklist as the newsroom set it up.
  it.each(demoStories.map((story) => [story.revisions.at(-1)?.headline, story] as const))(
    '“%s” passes the pre-publish checklist',
    (_, story) => {
      const revision = story.revisions.at(-1)
      if (!revision) throw new Error('no revision')
      const lead = revision.leadImage ? demoImages[revision.leadImage] : null
      const results = runChecklist(
        {
          ...revision,
          slug: story.slug ?? 'from-the-headline',
          bylines: story.bylines.map((byline) => ('staff' in byline ? { userId: 1 } : byline)),
          seoTitle: '',
          socialHeadline: '',
          lead: lead && { alt: lead.alt, credit: lead.credit },
          openComments: 0,
        },
        defaultSeverities,
      )
      expect(results.filter((result) => result.outcome !== 'passed').map((result) => result.message)).toEqual([])
    },
  )

  it('use only the node types, attributes and marks the editor supports', () => {
    for (const { body } of documents) {
      for (const node of walk(body)) {
        expect(Object.keys(allowed)).toContain(node.type)
        expect(Object.keys(node.attrs ?? {}).filter((name) => !allowed[node.type]?.includes(name))).toEqual([])
        for (const mark of node.marks ?? []) expect(allowedMarks).toContain(mark.type)
        if (node.type === 'text') expect(node.text).not.toBe('')
      }
    }
  })

  it('use heading levels 2 to 4 and give every quote an attribution', () => {
    const nodes: RichTextNode[] = documents.flatMap(({ body }) => [...walk(body)])
    for (const heading of nodes.filter((node) => node.type === 'heading')) expect([2, 3, 4]).toContain(heading.attrs?.level)
    for (const quote of nodes.filter((node) => node.type === 'blockquote')) expect(String(quote.attrs?.attribution)).not.toBe('')
  })

  it('draw every image at the size the seed records', () => {
    for (const image of Object.values(demoImages)) {
      expect(svgSize(fs.readFileSync(path.join(demoImagesFolder, image.file)))).toEqual({ width: image.width, height: image.height })
    }
  })
})

describe('the demo stories through the renderer', () => {
  const bodies = demoStories.flatMap((story) => story.revisions.map((revision) => [revision.headline, revision.body] as const))

  it.each(bodies)('“%s” is valid as it stands and renders', (_, body) => {
    expect(sanitizeDoc(body)).toEqual({ ok: true, doc: body, changed: false })
    expect(renderRichText(body)).toMatch(/^<(p|h2|figure|ul|ol|blockquote|hr)/)
  })
})
