import { doc, h2, p, quote, ul } from '../builders'
import { imageFigure } from '../images'
import type { DemoStory } from '../story-types'

/*
 * The demo's long foreign story, shaped like partner copy from a correspondent: an outside byline
 * with an outlet plus a staff byline, a lead photo with an agency credit, a quoted agency report,
 * an inline map, about a thousand words. Every place, person and outlet in it is invented.
 */

const opening = [
  p(
    'MARSA HALIM — Just before five in the morning, the first of the small wooden boats nosed past the new breakwater, its lamp still burning, and turned towards the fish market on the eastern quay. On the harbour wall, a few dozen people who had waited up through the night clapped, and someone set off a single firework that fizzled out over the water.',
  ),
  p(
    'It was the first commercial landing in Marsa Halim in fourteen months. The town’s harbour, home to about 300 registered fishing boats and a weekly ferry to the island of Jazirat Nour, was closed in the winter before last after a storm surge breached the old breakwater, sank or wrecked more than 60 vessels and filled the inner basin with sand and debris.',
  ),
  p(
    'The reconstruction, paid for largely by the national ports authority with a loan from a regional development bank, cost the equivalent of $48 million and took four months longer than promised. Officials opened the harbour to fishing boats on Sunday and say the ferry service will resume next month, once the passenger terminal passes a final inspection.',
  ),
  p(
    'For the fishermen, the reopening ends a year in which many sold their engines, took day labour on building sites inland or borrowed against their boats to feed their families. For the town, which grew up around the harbour and still measures its fortunes by the morning catch, it is a test of whether the new port will serve the people who used the old one.',
  ),
]

const harbour = [
  h2('A longer wall, a deeper basin'),
  p(
    'The new breakwater is 740 metres long, nearly twice the length of the one it replaces, and rises four metres above the average high-water mark. Engineers dredged the inner basin to a depth of seven metres, deep enough for the coastal freighters that the ports authority hopes will call at the town, and built a second quay on reclaimed land to the north.',
  ),
  imageFigure('harbourMap', {
    kind: 'map',
    caption:
      'Marsa Halim sits where the Wadi Sahel meets the sea, about 90 kilometres up the coast from the provincial capital, Dar Sahel. The inset shows the new breakwater (red), nearly twice as long as the old one (grey), and the northern quay built on reclaimed land. The weekly ferry to Jazirat Nour is due to resume next month.',
  }),
  p(
    'That northern quay is at the centre of the town’s worries. Plans published by the authority last year set it aside for cargo and for a fuel depot, and fishermen say the berths left for them on the older eastern quay are too few and, under the new tariff, too expensive.',
  ),
  p(
    '“They built a harbour for ships we have never seen here,” said Karim Said, 52, who has fished out of Marsa Halim since he was a boy and lost one of his two boats in the storm. “We are grateful for the wall. But a fisherman pays for his berth with what he catches, and the sea has not been generous.”',
  ),
  p(
    'Under the new tariff, a boat shorter than ten metres pays about three times its old monthly berth fee. The authority says it needs the money for maintenance and for dredging out the silt the river carries into the basin.',
  ),
  quote(
    'Tessera News Agency',
    'The harbour of Marsa Halim reopened to fishing vessels on Sunday after fourteen months of reconstruction. The national ports authority said that fees for boats registered in the town before the storm would rise in stages over two years, and that no fishing boat would be moved from the eastern quay without consultation with the fishermen’s cooperative.',
  ),
  p(
    'The cooperative’s chairman, Walid Mansour, said the promise of a phased increase was welcome but came late. About 40 of its members, he said, had already sold their licences to buyers from outside the town, some of them, he suspected, fronts for trawler operators farther up the coast.',
  ),
]

const fish = [
  h2('Fewer boats, fewer fish'),
  p(
    'Even before the storm, the fishery was under strain. Catches of sardine and mackerel along this stretch of coast have fallen by about a third over the past decade, according to figures from the provincial fisheries directorate, which blames warmer water, run-off from the river and larger vessels that work closer to shore than the rules allow.',
  ),
  p(
    'Researchers at the marine institute in Dar Sahel say the closure may have given local stocks a reprieve. Salma Aziz, a fisheries biologist, said her team had counted more juvenile fish near the river mouth last autumn than in any year since its surveys began in 2015.',
  ),
  p(
    '“A year without nets is not a recovery plan,” she said. “If the same number of boats go back to the same grounds with the same gear, we will be where we were in two or three seasons. The reopening is a chance to agree limits while people still remember what it was like to have nothing.”',
  ),
  p(
    'The fisheries directorate said it was drafting rules that would close the waters near the river mouth during the spawning months and set a minimum mesh size for nets. Fishermen on the quay said they had heard such promises before.',
  ),
]

const ferry = [
  h2('An island waits for its ferry'),
  p(
    'Beyond the fish market, the closure cut Marsa Halim off from Jazirat Nour, an island of about 6,000 people 18 kilometres offshore that relied on the weekly ferry for fuel, medicine and building materials. Since the storm, islanders have paid private boat owners to make the crossing, often in weather in which the ferry would not have sailed.',
  ),
  p(
    'Hala Barakat, a nurse at the island’s clinic, said supplies of insulin and other medicines had run short twice during the winter. “People here have learned to keep extra of everything,” she said by telephone. “But you cannot keep an extra ambulance. When someone needed the hospital on the mainland, we waited for the sea to allow it.”',
  ),
  p(
    'The ports authority says the rebuilt passenger terminal, with a covered waiting hall and a ramp for vehicles, will open next month. It has not said how often the ferry will sail.',
  ),
]

const next = [
  h2('What comes next'),
  p('The authority’s timetable for the next twelve months promises:'),
  ul(
    'the opening of the northern quay to coastal freighters in the spring, with the fuel depot to follow;',
    'a covered fish market with cold storage, promised for the end of the year;',
    'a review of the berth tariff after twelve months, to which the cooperative is to be invited.',
  ),
  p(
    'Shopkeepers on the waterfront said they hoped the freighters would bring work. Omar Haddad, who runs a café opposite the old customs house, opened on Sunday for the first time since the storm and said he had served more glasses of tea by nine o’clock than in the whole of the previous month.',
  ),
  p(
    '“The wall is good, the boats are back, the café is open,” he said. “Now we will see whether the harbour is ours, or whether we only live next to it.”',
  ),
  p(
    'By mid-morning, the first boats had sold their catch, mostly small sardines and a few crates of bream, at prices that traders said were the highest they could remember. Karim Said made just enough, he said, to pay for his fuel and his crew. He planned to go out again at midnight.',
  ),
]

const headline = 'Marsa Halim’s harbour reopens a year after the storm, but its fishermen count what was lost'
const standfirst =
  'The rebuilt breakwater is finished and the first boats are back. In the town that depends on them, relief comes with questions about fees, fish stocks and who the new port is really for.'

export const marsaHalim: DemoStory = {
  section: 'middle-east',
  status: 'published',
  slug: 'marsa-halim-harbour-reopens-a-year-after-the-storm',
  createdBy: 'editor',
  bylines: [{ name: 'Nadia Karam', outlet: 'The Coastline Dispatch' }, { staff: 'writer2' }],
  tags: ['Fishing', 'Ports'],
  revisions: [
    {
      kind: 'save',
      by: 'editor',
      hoursAgo: 30,
      headline: 'Storm-hit harbour at Marsa Halim to reopen to fishing boats',
      standfirst: 'Fourteen months after a storm surge breached its breakwater, the town’s harbour is about to reopen.',
      body: doc(...opening, ...harbour.filter((block) => block.type !== 'figure')),
      leadImage: 'harbour',
    },
    {
      kind: 'save',
      by: 'writer2',
      hoursAgo: 25.5,
      headline: 'Marsa Halim’s harbour reopens, but fishermen count the cost',
      standfirst: 'The rebuilt breakwater is finished and the first boats are back. The town has questions about fees and fish.',
      body: doc(...opening, ...harbour, ...fish, ...ferry),
      leadImage: 'harbour',
    },
    {
      kind: 'published',
      dateline: 'MARSA HALIM',
      by: 'editor',
      hoursAgo: 20,
      headline,
      standfirst,
      body: doc(...opening, ...harbour, ...fish, ...ferry, ...next),
      leadImage: 'harbour',
    },
  ],
  publishedRevision: 3,
  events: [
    { to: 'draft', by: 'editor', hoursAgo: 30, revision: 1 },
    { to: 'in_review', by: 'writer2', hoursAgo: 25.5, revision: 2, note: 'Added the island and the fisheries figures.' },
    { to: 'approved', by: 'editor2', hoursAgo: 21, revision: 2 },
    { to: 'published', by: 'editor', hoursAgo: 20, revision: 3 },
  ],
}
