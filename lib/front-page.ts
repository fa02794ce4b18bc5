import type { StorySummary } from './public-lists'

// How the front page is laid out: the whole rule table is here, in one place an editor can read
// with a developer and change. An editor steers it by pinning stories (/desk/front, lib/pins.ts):
// pinned stories take their places first, and these rules fill the rest from the newest public
// stories (`candidates` of them). Each story appears on the page once at most.

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

/** The stories an editor pinned (lib/pins.ts), among those readers can see: they come before the rules. */
export type PinnedStories = { lead: StorySummary | null; below: readonly StorySummary[] }

const nothingPinned: PinnedStories = { lead: null, below: [] }

/**
 * Chooses the lead and the secondary stories: the pinned ones first (the pinned lead, then those
 * pinned under it, in their order), then from the candidates (newest first) by the rules above.
 */
export function chooseTop(
  candidates: readonly StorySummary[],
  pinned: PinnedStories = nothingPinned,
  rules: FrontPageRules = frontPageRules,
): FrontPageTop {
  const pinnedBelow = pinned.below.filter((story) => story.id !== pinned.lead?.id).slice(0, rules.secondaries.most)
  const taken = new Set(pinnedBelow.map((story) => story.id))
  const pool = candidates.slice(0, rules.candidates).filter((story) => !taken.has(story.id))
  const lead = pinned.lead ?? (rules.lead.wantsPhoto ? pool.find(hasPhoto) : undefined) ?? pool[0] ?? null
  const others = pool.filter((story) => story.id !== lead?.id)
  const room = rules.secondaries.most - pinnedBelow.length
  const withPhotos = others.filter(hasPhoto).slice(0, room)
  const makeUp = others
    .filter((story) => !hasPhoto(story))
    .slice(0, Math.max(0, rules.secondaries.least - pinnedBelow.length - withPhotos.length))
  const chosen = new Set([...withPhotos, ...makeUp].map((story) => story.id))
  // The pinned ones in their order, then the chosen ones in the order they were published, newest first.
  return { lead, secondaries: [...pinnedBelow, ...others.filter((story) => chosen.has(story.id))] }
}

/** The ids of the stories at the top, which the section rails leave out. */
export function shownAtTop({ lead, secondaries }: FrontPageTop): number[] {
  return [...(lead ? [lead.id] : []), ...secondaries.map((story) => story.id)]
}
