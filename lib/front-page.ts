import type { StorySummary } from './public-lists'

// How the front page is laid out: the whole rule table is here, in one place an editor can read
// with a developer and change. The page is made from the newest public stories (`candidates` of
// them); each story appears on it once at most.

export const frontPageRules = {
  /** How many of the newest stories the top of the page is chosen from. */
  candidates: 12,
  /** The lead: the newest candidate with a photo; if none has one, the newest story. */
  lead: { wantsPhoto: true },
  /**
   * The stories under the lead: the newest candidates with a photo, up to `most`; if fewer than
   * `least` have one, the newest without a photo make up the number.
   */
  secondaries: { least: 2, most: 3 },
  /** Stories per section rail: the newest in the section and below it, leaving out those shown above. */
  railSize: 4,
} as const

export type FrontPageRules = typeof frontPageRules

/** The top of the front page: the lead story and those under it. */
export type FrontPageTop = { lead: StorySummary | null; secondaries: StorySummary[] }

const hasPhoto = (story: StorySummary) => story.leadMediaId !== null

/** Chooses the lead and the secondary stories from the candidates (newest first), by the rules above. */
export function chooseTop(candidates: readonly StorySummary[], rules: FrontPageRules = frontPageRules): FrontPageTop {
  const pool = candidates.slice(0, rules.candidates)
  const lead = (rules.lead.wantsPhoto ? pool.find(hasPhoto) : undefined) ?? pool[0] ?? null
  const others = pool.filter((story) => story.id !== lead?.id)
  const withPhotos = others.filter(hasPhoto).slice(0, rules.secondaries.most)
  const makeUp = others.filter((story) => !hasPhoto(story)).slice(0, Math.max(0, rules.secondaries.least - withPhotos.length))
  const chosen = new Set([...withPhotos, ...makeUp].map((story) => story.id))
  // In the order they were published, newest first.
  return { lead, secondaries: others.filter((story) => chosen.has(story.id)) }
}

/** The ids of the stories at the top, which the section rails leave out. */
export function shownAtTop({ lead, secondaries }: FrontPageTop): number[] {
  return [...(lead ? [lead.id] : []), ...secondaries.map((story) => story.id)]
}
