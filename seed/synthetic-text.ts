import type { RichTextNode } from '@/db/schema'
import { h2, p } from './builders'

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

const places = [
  'Vellmar',
  'Port Ardent',
  'Kessby',
  'Aldervik',
  'Brennholm',
  'Easterby',
  'Hollin Vale',
  'Marram',
  'Sundby',
  'Tessel',
  'Loma Verde',
  'Port Calloway',
  'San Olmo',
  'Rio Claro',
  'Kota Seri',
  'Ben Kho',
  'Dar Sahel',
  'Ain Dafla',
  'Ras Qamar',
  'Marsa Halim',
  'Lindås',
  'Halden',
  'Greywick',
  'Ashby Cross',
  'Fennmouth',
  'Carrow Bay',
  'Millbrook',
  'Santa Inés',
  'Nueva Esperanza',
  'Tanu',
  'Selvik',
  'Oranmore Quay',
] as const

const actors = [
  'council',
  'port authority',
  'transport board',
  'teachers’ union',
  'water company',
  'chamber of commerce',
  'health board',
  'farmers’ cooperative',
  'housing association',
  'regional assembly',
  'school board',
  'ferry operator',
] as const

/** [third person, base form, past tense] */
const verbs = [
  ['approves', 'approve', 'approved'],
  ['delays', 'delay', 'delayed'],
  ['rejects', 'reject', 'rejected'],
  ['backs', 'back', 'backed'],
  ['reviews', 'review', 'reviewed'],
  ['scales back', 'scale back', 'scaled back'],
  ['unveils', 'unveil', 'unveiled'],
  ['defends', 'defend', 'defended'],
  ['revises', 'revise', 'revised'],
  ['pauses', 'pause', 'paused'],
  ['funds', 'fund', 'agreed to fund'],
] as const

const objects = [
  'plan for a new tram line',
  'budget for flood defences',
  'proposal to raise water charges',
  'rules on short-term lets',
  'subsidy for bus fares',
  'bid to host the regional games',
  'deal with striking dock workers',
  'scheme to insulate older homes',
  'closure of two rural schools',
  'cycle lanes in the old town',
  'expansion of the ferry terminal',
  'ban on cars outside schools',
  'night bus network',
  'sale of the old hospital site',
  'merger of two fire stations',
  'cap on market stall rents',
  'move of the fish market',
  'upgrade of the harbour cranes',
  'four-day week trial for staff',
  'cuts to library hours',
  'plan for 1,200 homes by the river',
  'rules for food trucks',
  'grant for village shops',
  'study of a second bridge',
  'order for electric buses',
  'reopening of the branch railway',
  'new reservoir in the hills',
  'tourist tax on hotel stays',
] as const

const reasons = [
  'after months of debate',
  'ending a dispute that has divided the town',
  'despite objections from residents',
  'in a vote that was closer than expected',
  'citing rising costs',
  'after a consultation drew more than 3,000 responses',
  'under pressure from local businesses',
  'a year later than first promised',
] as const

const firstNames = [
  'Amira',
  'Jonas',
  'Lucía',
  'Tomasz',
  'Grace',
  'Rahim',
  'Elin',
  'Marco',
  'Nadia',
  'Samuel',
  'Ingrid',
  'Kofi',
  'Mei',
  'Olga',
  'Pedro',
  'Sanna',
  'Tariq',
  'Yara',
  'Bram',
  'Chiara',
  'Dev',
  'Freya',
  'Hugo',
  'Leila',
] as const

const lastNames = [
  'Halvorsen',
  'Okafor',
  'Marín',
  'Kowalczyk',
  'Whitfield',
  'Haddad',
  'Nyberg',
  'Ferrante',
  'Karam',
  'Osei',
  'Lund',
  'Tanaka',
  'Petrova',
  'Alves',
  'Virtanen',
  'Rahman',
  'Brandt',
  'Costa',
  'Iyer',
  'Moreau',
  'Quinn',
  'Sato',
] as const

const roles = [
  'who runs a bakery on the high street',
  'who chairs the residents’ association',
  'the council’s finance lead',
  'a transport researcher at the regional university',
  'a spokeswoman for the port authority',
  'an opposition councillor',
  'a retired teacher who has lived in the town for forty years',
  'a union organiser',
  'who owns two fishing boats',
  'a spokesman for the operator',
  'an economist who studies regional budgets',
  'a parent of two children at the local school',
] as const

const assessments = [
  'long overdue',
  'a sensible compromise',
  'a mistake the town would regret',
  'the best of a difficult set of choices',
  'only a first step',
  'rushed',
  'fair to everyone except the people who will pay for it',
] as const

const quotes = [
  'We have waited long enough for someone to decide',
  'Nobody asked the people who actually use it',
  'The money has to come from somewhere, and it always seems to come from us',
  'If it works, other towns will copy it within five years',
  'I will believe it when I see the diggers',
  'This is the first good news we have had in a long time',
  'It is not perfect, but it is better than doing nothing',
  'They have done the sums. The question is whether the sums are right',
  'We are not against change. We are against change that nobody explains',
  'My customers want to know one thing, and that is whether it will cost them more',
] as const

const sources = [
  'the council’s own budget papers',
  'the regional statistics office',
  'the operator',
  'a study by the regional university',
  'the national audit office',
] as const
const metrics = [
  'the cost of the scheme',
  'the number of passengers',
  'household bills',
  'the waiting list',
  'the number of visitors',
  'spending on repairs',
] as const
const periods = ['two years', 'five years', 'decade', 'three years'] as const
const criticisms = [
  'the plan does little for people in outlying villages',
  'the figures rely on optimistic forecasts',
  'the consultation came too late to change anything',
  'the same money would go further elsewhere',
  'the decision was made behind closed doors',
] as const
const whens = ['next month', 'before the summer', 'in the autumn', 'early next year', 'at the next full meeting'] as const
const groups = ['campaigners', 'local traders', 'opposition councillors', 'union representatives', 'residents’ groups'] as const
const reactions = [
  'keep up the pressure',
  'challenge it in court',
  'take part in the next consultation',
  'hold a public meeting',
  'wait and see',
] as const
const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const
const subheadings = ['What happens next', 'The cost', 'Reaction', 'Background', 'What it means for residents'] as const
const details = [
  'work would start within eighteen months',
  'the cost would be shared with the regional government',
  'the first phase would be finished in two years',
  'charges would rise in stages',
  'the scheme would be reviewed after a year',
] as const
const officials = ['council officers', 'the operator’s managers', 'the board', 'the mayor and two deputies'] as const

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
