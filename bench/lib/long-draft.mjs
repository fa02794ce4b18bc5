// A story's whole draft with a long body, as the editor saves it (POST /desk/articles/[id]/revisions).

const sentence = 'The harbour authority said the new quay would open to freight in the spring after the dredging ends.'.split(' ')

/** A draft whose body is `paragraphs` (short texts) then `words` words in paragraphs of 100. */
export function longDraft({ headline, words, paragraphs = [] }) {
  const body = paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] }))
  for (let n = 0; n < words; n += 100) {
    const text = Array.from({ length: 100 }, (_, i) => sentence[(n + i) % sentence.length]).join(' ')
    body.push({ type: 'paragraph', content: [{ type: 'text', text }] })
  }
  return {
    headline,
    standfirst: '',
    body: { type: 'doc', content: body },
    sectionId: 1,
    slug: '',
    tags: [],
    bylines: [{ name: 'Bench', outlet: 'Copydesk' }],
    leadMediaId: null,
    leadCaption: '',
    leadCredit: '',
    seoTitle: '',
    seoDescription: '',
  }
}
