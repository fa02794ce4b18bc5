import { doc, h2, i, ol, p, ul } from '../builders'
import type { DemoStory } from '../story-types'

// Stories for World and Politics. Places and people are invented.

export const kellGrain: DemoStory = {
  section: 'world',
  status: 'unpublished',
  createdBy: 'writer2',
  bylines: [{ staff: 'writer2' }],
  tags: ['Shipping', 'Trade', 'Agriculture'],
  revisions: [
    {
      kind: 'save',
      by: 'writer2',
      hoursAgo: 80,
      headline: 'Grain traffic through the Strait of Kell keeps rising',
      standfirst: 'Shipping data point to a third month of growth.',
      body: doc(
        p('Grain shipments through the Strait of Kell rose again last month, according to figures from the regional shipping council.'),
      ),
    },
    {
      kind: 'published',
      by: 'editor',
      hoursAgo: 70,
      headline: 'Grain shipments through the Strait of Kell rise for a third month',
      standfirst: 'Bulk carriers are returning to the shorter route as insurance costs fall, according to the regional shipping council.',
      body: doc(
        p(
          'Grain shipments through the Strait of Kell rose for a third consecutive month in October, as bulk carriers returned to the shorter route after insurers cut the premiums they charge for the passage, according to figures from the regional shipping council.',
        ),
        p(
          'The council counted 4.1 million tonnes of wheat, maize and barley through the strait during the month, up from 3.2 million in July. Traders said the figures suggested that the detour around the Cape of Arden, which adds about six days to a voyage, was no longer worth its cost for most cargoes.',
        ),
        p(
          'Freight rates for the route have fallen by about a quarter since the summer, brokers said, which should feed through to the price of bread and animal feed in importing countries early next year.',
        ),
      ),
    },
  ],
  publishedRevision: 2,
  events: [
    { to: 'draft', by: 'writer2', hoursAgo: 80, revision: 1 },
    { to: 'in_review', by: 'writer2', hoursAgo: 76, revision: 1 },
    { to: 'approved', by: 'editor', hoursAgo: 71, revision: 1 },
    { to: 'published', by: 'editor', hoursAgo: 70, revision: 2 },
    {
      to: 'unpublished',
      by: 'admin',
      hoursAgo: 40,
      revision: 2,
      note: 'Taken down: the tonnages came from a draft of the shipping council’s report and the final version differs. Republish once the figures are checked against the final report.',
    },
  ],
  notes: [
    {
      by: 'admin',
      hoursAgo: 40,
      body: 'Unpublished for now. Hannah, can you get the final report from the council’s press office and check every number in the second paragraph?',
      replies: [
        { by: 'writer2', hoursAgo: 37, body: 'Asked them; they say the final report goes up on Monday. I will redo the figures then.' },
      ],
    },
  ],
}

export const haldenGlacier: DemoStory = {
  section: 'world',
  status: 'in_review',
  createdBy: 'writer2',
  bylines: [{ staff: 'writer2' }],
  tags: ['Climate', 'Water'],
  revisions: [
    {
      kind: 'save',
      by: 'writer2',
      hoursAgo: 14,
      headline: 'Glacier villages ration water',
      standfirst: '',
      body: doc(p('Three villages below the Halden glacier have started rationing water for the first time.')),
    },
    {
      kind: 'save',
      by: 'writer2',
      hoursAgo: 10,
      headline: 'Mountain villages ration water as the Halden glacier retreats',
      standfirst:
        'The glacier that fed their streams has lost a third of its length in twenty years. This summer, for the first time, the taps ran dry in the afternoons.',
      body: doc(
        p(
          'Three villages below the Halden glacier have begun rationing drinking water, turning off supplies between two and six in the afternoon, after the streams that the glacier feeds ran lower this summer than anyone living there can remember.',
        ),
        p(
          'Surveyors measure the glacier’s tongue every autumn. It has retreated by about 1,300 metres since 2004, and the meltwater that once filled the villages’ tanks through August now slows to a trickle by the middle of July.',
        ),
        p(
          '“We used to worry about too much water, about floods in June,” said Anders Moe, who chairs the council of the largest village, Østre Halden. “Now we are building a tank to catch the snowmelt in spring, because in August there will be nothing.”',
        ),
        ol(
          'Rationing runs from 14:00 to 18:00 every day until the end of September.',
          'Farms may water livestock but not fields.',
          'The council will review the rules each week.',
        ),
      ),
    },
  ],
  events: [
    { to: 'draft', by: 'writer2', hoursAgo: 14, revision: 1 },
    { to: 'in_review', by: 'writer2', hoursAgo: 10, revision: 2, note: 'Ready for a read. Photos to follow from the valley tomorrow.' },
  ],
}

const budgetTop = p(
  'Easterby council faces a shortfall of £4m next year even after planned cuts, its finance director has told senior councillors, and may have to draw on reserves it had promised to keep for flood defences.',
)

export const easterbyBudget: DemoStory = {
  section: 'politics',
  status: 'changes_requested',
  createdBy: 'writer',
  bylines: [{ staff: 'writer' }],
  tags: ['Local government', 'Budgets'],
  revisions: [
    {
      kind: 'save',
      by: 'writer',
      hoursAgo: 30,
      headline: 'Easterby faces budget black hole',
      standfirst: 'The council is £4m short.',
      body: doc(budgetTop),
    },
    {
      kind: 'save',
      by: 'writer',
      hoursAgo: 27,
      headline: 'Easterby council faces £4m budget gap, finance chief warns',
      standfirst: 'Reserves set aside for flood defences may be needed to balance next year’s books.',
      body: doc(
        budgetTop,
        p(
          'The warning, in a report to the council’s cabinet, says that higher costs for adult social care and home-to-school transport have outpaced the savings agreed in February. Without further action, it says, the council would have to use about half of its general reserve.',
        ),
        p(
          'Opposition councillors said the report showed the administration had been too optimistic. “We were told in February the numbers added up,” said Carol Whitfield, the opposition finance spokeswoman. “They did not add up then and they do not add up now.”',
        ),
        h2('What could be cut'),
        ul('Later opening of the household recycling centres.', 'Fewer grass cuts in parks.', 'A review of the library’s opening hours.'),
      ),
    },
  ],
  events: [
    { to: 'draft', by: 'writer', hoursAgo: 30, revision: 1 },
    { to: 'in_review', by: 'writer', hoursAgo: 27, revision: 2 },
    { to: 'changes_requested', by: 'editor2', hoursAgo: 22, revision: 2, note: 'Two things to fix before this can run: see the notes.' },
  ],
  notes: [
    {
      by: 'editor2',
      hoursAgo: 22,
      body: [
        'Two things before this can run.',
        '1. The £4m: is that the finance director’s own figure or the opposition’s reading of it? Say which in the first paragraph, give the page of the cabinet report and link to it.',
        '2. We need the council leader’s side. Their office has had the questions since Tuesday; if they decline, say so.',
        'Also the headline: “gap” is the report’s word, “warns” is ours. Stick to what the report says.',
      ].join('\n'),
      replies: [
        {
          by: 'writer',
          hoursAgo: 19,
          body: 'The figure is the finance director’s (cabinet report, page 12); adding the link. The leader’s office promised a statement by four this afternoon. I will add it as soon as it lands and resubmit.',
        },
      ],
    },
  ],
}

export const boundaryReview: DemoStory = {
  section: 'politics',
  status: 'draft',
  createdBy: 'writer2',
  bylines: [{ staff: 'writer2' }],
  tags: ['Elections'],
  revisions: [
    {
      kind: 'save',
      by: 'writer2',
      hoursAgo: 8,
      headline: 'Boundary review could merge rural seats',
      standfirst: '',
      body: doc(p('Two rural constituencies in the north would be merged under proposals from the boundary commission.')),
    },
    {
      kind: 'autosave',
      by: 'writer2',
      hoursAgo: 6,
      headline: 'Boundary review would merge two rural constituencies',
      standfirst: 'Hollin Vale and Marram Fells would become one seat under the commission’s first proposals.',
      body: doc(
        p(
          'Hollin Vale and Marram Fells, two of the largest constituencies by area, would be merged into a single seat under proposals published on Thursday by the boundary commission, which must bring every seat within 5 per cent of the national average number of voters.',
        ),
        p(i('[Need: electorate figures for both seats, and the commission’s quote on why the merger beat the alternatives.]')),
        p('Local parties have eight weeks to respond.'),
      ),
    },
  ],
  events: [{ to: 'draft', by: 'writer2', hoursAgo: 8, revision: 1 }],
}
