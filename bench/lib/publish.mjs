// Publish-to-visible: an editor saves a new headline on a published story and publishes the
// update through the desk's HTTP API; the harness polls the public page until the headline shows.
import { setTimeout as sleep } from 'node:timers/promises'
import { BenchError } from './processes.mjs'
import { postJson, request } from './http.mjs'
import { summarize } from './stats.mjs'

const pollGapMs = 5
const visibleWithinMs = 15_000

/**
 * `story` is `{ id, path, version, sectionId }` of a published story; `jar` an editor's cookies.
 * Resolves with the times, in ms, from each publish answering (`visibleMs`, the figure of the
 * target) and from each publish being sent (`sentToVisibleMs`) to the page showing the headline.
 */
export async function publishToVisible({ base, jar, story, rounds = 20 }) {
  const draft = await currentDraft(base, jar, story)
  let version = draft.version
  const visibleMs = []
  const publishMs = []
  const saveMs = []
  const sentToVisibleMs = []
  for (let round = 1; round <= rounds; round++) {
    // The marker is letters, digits and hyphens, so it reads the same in the page's HTML.
    const marker = `bench ${Date.now()}-${round}`
    const headline = `${draft.draft.headline} (${marker})`
    const saved = await postJson(
      `${base}/desk/articles/${story.id}/revisions`,
      { draft: { ...draft.draft, headline }, baseVersion: version, kind: 'save' },
      jar,
    )
    if (!saved.json?.ok)
      throw new BenchError(`Saving a new headline failed: ${saved.status} ${saved.json?.message ?? saved.body.slice(0, 200)}`)
    saveMs.push(saved.ms)

    const sentAt = performance.now()
    const published = await postJson(
      `${base}/desk/articles/${story.id}/workflow`,
      { action: 'publish', baseVersion: saved.json.version },
      jar,
    )
    if (!published.json?.ok)
      throw new BenchError(`Publishing the update failed: ${published.status} ${published.json?.message ?? published.body.slice(0, 200)}`)
    publishMs.push(published.ms)
    version = published.json.version
    const answeredAt = performance.now()

    for (;;) {
      const page = await request(`${base}${story.path}`)
      if (page.status === 200 && page.body.includes(marker)) break
      if (performance.now() - answeredAt > visibleWithinMs) {
        throw new BenchError(
          `The new headline did not show on ${story.path} within ${visibleWithinMs / 1000} s of publishing (last answer ${page.status}).`,
        )
      }
      await sleep(pollGapMs)
    }
    const visibleAt = performance.now()
    visibleMs.push(visibleAt - answeredAt)
    sentToVisibleMs.push(visibleAt - sentAt)
  }
  return {
    rounds,
    visibleMs: summarize(visibleMs),
    sentToVisibleMs: summarize(sentToVisibleMs),
    publishRequestMs: summarize(publishMs),
    saveRequestMs: summarize(saveMs),
    samplesMs: visibleMs.map((ms) => Math.round(ms * 10) / 10),
  }
}

/**
 * The story's current fields and version. The desk has no JSON read of a story, but its save
 * endpoint answers a save that names a stale version with the current version and fields,
 * writing nothing: that is the read used here.
 */
export async function currentDraft(base, jar, story) {
  const probe = {
    headline: 'bench probe',
    standfirst: '',
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'probe' }] }] },
    sectionId: story.sectionId,
    slug: '',
    tags: [],
    bylines: [{ name: 'Bench', outlet: '' }],
    leadMediaId: null,
  }
  const answer = await postJson(
    `${base}/desk/articles/${story.id}/revisions`,
    { draft: probe, baseVersion: Math.max(1, story.version - 1), kind: 'save' },
    jar,
  )
  const current = answer.json?.current
  if (answer.status !== 409 || !current?.draft) {
    throw new BenchError(
      `Reading story ${story.id} through the save endpoint failed: expected 409 with the current version, got ${answer.status} ${answer.json?.message ?? ''}`.trim(),
    )
  }
  return { version: current.version, draft: current.draft }
}
