import type { RichTextNode } from '@/db/schema'
import { h2, p } from './builders'
import {
  places,
  actors,
  verbs,
  objects,
  reasons,
  firstNames,
  lastNames,
  roles,
  assessments,
  quotes,
  sources,
  metrics,
  periods,
  criticisms,
  whens,
  groups,
  reactions,
  weekdays,
  subheadings,
  details,
  officials,
} from './synthetic-words'

/**
 * Plausible local-news text from word lists, for volume testing. Everything is driven by a
 * seeded generator, so the same seed gives the same stories.
 */

/** A deterministic pseudo-random generator (mulberry32): the same seed, the same sequence. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)]
    if (item === undefined) throw new Error('pick() from an empty list')
    return item
  }
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const pool = [...items]
    const chosen: T[] = []
    while (chosen.length < count && pool.length > 0) chosen.push(...pool.splice(Math.floor(next() * pool.length), 1))
    return chosen
  }
  return { next, int, pick, sample }
}

export type Random = {
  /** A number in [0, 1). */
  next: () => number
  /** A whole number in [min, max]. */
  int: (min: number, max: number) => number
  pick: <T>(items: readonly T[]) => T
  /** Up to `count` distinct items. */
  sample: <T>(items: readonly T[], count: number) => T[]
}

/** The text of one synthetic story: three headline drafts (oldest first), a standfirst and blocks. */
export type SyntheticText = { headlines: [string, string, string]; standfirst: string; blocks: RichTextNode[] }

export function syntheticText(random: Random): SyntheticText {
  const place = random.pick(places)
  const actor = random.pick(actors)
  const [verb, verbBase, verbPast] = random.pick(verbs)
  const object = random.pick(objects)
  const person = () => `${random.pick(firstNames)} ${random.pick(lastNames)}`

  const sentences = [
    () => `${person()}, ${random.pick(roles)}, said the decision was ${random.pick(assessments)}.`,
    () => `“${random.pick(quotes)},” said ${person()}, ${random.pick(roles)}.`,
    () =>
      `Figures from ${random.pick(sources)} show that ${random.pick(metrics)} has ${random.next() < 0.6 ? 'risen' : 'fallen'} by ${random.int(3, 45)} per cent over the past ${random.pick(periods)}.`,
    () => `Critics say ${random.pick(criticisms)}.`,
    () => `A final decision is expected ${random.pick(whens)}, and ${random.pick(groups)} have said they will ${random.pick(reactions)}.`,
    () => `The idea was first put forward ${random.int(2, 9)} years ago and has been revised ${random.int(2, 5)} times since.`,
    () => `The ${actor} said it would publish a full timetable ${random.pick(whens)}.`,
    () =>
      `About ${(random.int(2, 40) * 50).toLocaleString('en-GB')} people are expected to be affected, according to ${random.pick(sources)}.`,
    () => `Under the plan, ${random.pick(details)}.`,
    () =>
      `At a packed meeting on ${random.pick(weekdays)} evening, ${random.pick(groups)} questioned ${random.pick(officials)} for more than two hours.`,
    () => `The ${actor} said the change would save about ${random.int(2, 90) / 10} million a year.`,
    () => `Similar schemes in ${random.pick(places)} and ${random.pick(places)} have had mixed results.`,
  ]
  // Dealt like cards, so that a story does not repeat a sentence pattern until it has used them all.
  let deck: (typeof sentences)[number][] = []
  const sentence = () => {
    if (deck.length === 0) deck = random.sample(sentences, sentences.length)
    const next = deck.pop()
    return next ? next() : ''
  }
  const paragraph = () => p(Array.from({ length: random.int(2, 3) }, sentence).join(' '))

  const blocks: RichTextNode[] = [
    p(`The ${actor} in ${place} ${verbPast} the ${object} on ${random.pick(weekdays)}, ${random.pick(reasons)}.`),
  ]
  // At most 12 sentences after the first, one deck's worth.
  const paragraphs = random.int(3, 4)
  for (let index = 0; index < paragraphs; index++) {
    if (index === 2 && random.next() < 0.5) blocks.push(h2(random.pick(subheadings)))
    blocks.push(paragraph())
  }

  return {
    headlines: [
      `${capitalise(actor)} in ${place} to ${verbBase} ${object}`,
      `${place} ${actor} set to ${verbBase} ${object}`,
      `${place} ${actor} ${verb} ${object}`,
    ],
    standfirst: `The ${object} has divided ${random.pick(groups)}; the ${actor} says it ${random.pick(['is affordable', 'cannot wait', 'will be reviewed in a year', 'is the only realistic option'])}.`,
    blocks,
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Names and outlets for the occasional outside contributor. */
export const contributorNames = ['Rania Salem', 'Joaquín Peralta', 'Anneli Koskinen', 'Farid Nouri', 'Grace Mutua'] as const
export const contributorOutlets = ['The Coastline Dispatch', 'Northern Rail Review', 'Delta Weekly', 'The Valley Courier'] as const
