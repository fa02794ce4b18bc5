import { b, doc, h2, i, link, p, ul } from '../builders'
import { imageFigure } from '../images'
import type { DemoStory } from '../story-types'

// Stories for Business and Opinion. Places, companies and people are invented.

const coastlinkRoutes = ul(
  'Brennholm to Skarvø, three times a week;',
  'Aldervik to the Tessel islands, daily over the holidays;',
  'Brennholm to Lindås, twice a week;',
  'Kessby to Skarvø, on Saturdays.',
)

const coastlinkBody = [
  p(
    'Coastlink Air will fly to four island airports from November, its biggest expansion since it was founded, as the regional airline bets that winter tourism on the islands will keep growing after two record seasons.',
  ),
  p(
    'The new routes will be flown with two turboprop aircraft leased for the winter from a larger rival. The airline said it expected to carry about 60,000 extra passengers over the season.',
  ),
  coastlinkRoutes,
  p(
    '“Every hotel on Skarvø was full last February,” said Lise Aune, the airline’s chief executive. “The ferry takes five hours. We can do it in forty minutes.”',
  ),
]

export const coastlinkAir: DemoStory = {
  section: 'business',
  status: 'published',
  createdBy: 'writer',
  bylines: [{ staff: 'writer' }],
  tags: ['Aviation', 'Tourism'],
  revisions: [
    {
      kind: 'save',
      by: 'writer',
      hoursAgo: 60,
      headline: 'Coastlink Air plans winter expansion',
      standfirst: 'The regional airline is adding routes to the islands.',
      body: doc(p('Coastlink Air plans to fly to four island airports this winter.'), coastlinkRoutes),
    },
    {
      kind: 'published',
      by: 'editor',
      hoursAgo: 50,
      headline: 'Coastlink Air adds four winter routes as it bets on island tourism',
      standfirst: 'The regional airline will fly to four island airports from November, using two turboprops leased from a rival.',
      body: doc(...coastlinkBody),
    },
    {
      kind: 'save',
      by: 'writer',
      hoursAgo: 3,
      headline: 'Coastlink Air adds four winter routes, but drops its Kessel service',
      standfirst:
        'The regional airline will fly to four island airports from November. It also confirmed that flights to Kessel will end in January.',
      body: doc(
        ...coastlinkBody,
        h2('Update'),
        p(
          'In a filing on Thursday, the airline confirmed it will ',
          b('end its daily Kessel service in January'),
          ', saying the route had lost money for three years. Passengers with bookings after that date will be offered a refund. The filing is on the ',
          link('company’s investor page', 'https://investors.example.com/coastlink'),
          '.',
        ),
      ),
    },
  ],
  publishedRevision: 2,
  events: [
    { to: 'draft', by: 'writer', hoursAgo: 60, revision: 1 },
    { to: 'in_review', by: 'writer', hoursAgo: 56, revision: 1 },
    { to: 'approved', by: 'editor', hoursAgo: 51, revision: 1 },
    { to: 'published', by: 'editor', hoursAgo: 50, revision: 2 },
  ],
}

export const crumbBuyout: DemoStory = {
  section: 'business',
  status: 'scheduled',
  createdBy: 'writer',
  bylines: [{ staff: 'writer' }],
  tags: ['Small business', 'Labour', 'Food'],
  scheduledTomorrowAt: 7,
  embargoTomorrowAt: 7,
  revisions: [
    {
      kind: 'save',
      by: 'writer',
      hoursAgo: 26,
      headline: 'Crumb & Co founders to sell to staff',
      standfirst: '',
      body: doc(p('The founders of the bakery chain Crumb & Co are to sell the business to its employees.')),
    },
    {
      kind: 'save',
      by: 'editor2',
      hoursAgo: 6,
      headline: 'Bakery chain Crumb & Co to be sold to its 380 staff',
      standfirst: 'The founders will transfer the 31-shop business to an employee trust rather than sell to a rival.',
      body: doc(
        p(
          'The founders of Crumb & Co, the bakery chain that grew from a single shop to 31 in fifteen years, will sell the business to an employee ownership trust on behalf of its 380 staff, the company will announce on Wednesday.',
        ),
        p(
          'Martha and Joel Brandt said they had turned down two offers from larger food groups because both would have closed the chain’s central bakery and supplied the shops from a factory elsewhere.',
        ),
        p(
          'The trust will pay for the shares over ten years from the company’s profits. Staff will receive a share of any profit left over each year, in equal amounts regardless of role or salary.',
        ),
      ),
    },
  ],
  events: [
    { to: 'draft', by: 'writer', hoursAgo: 26, revision: 1 },
    { to: 'in_review', by: 'writer', hoursAgo: 10, revision: 1 },
    { to: 'approved', by: 'editor2', hoursAgo: 5, revision: 2 },
    { to: 'scheduled', by: 'editor2', hoursAgo: 4.5, revision: 2, note: 'Embargoed until 07:00 tomorrow.' },
  ],
}

export const libraryHours: DemoStory = {
  section: 'opinion',
  status: 'published',
  createdBy: 'editor2',
  bylines: [{ staff: 'editor2' }],
  tags: ['Libraries', 'Local government'],
  revisions: [
    {
      kind: 'save',
      by: 'editor2',
      hoursAgo: 140,
      headline: 'The library should stay open later',
      standfirst: 'Six o’clock is too early.',
      body: doc(p('At six o’clock on a weekday, the Central Library in Easterby turns its readers out into the street.')),
      leadImage: 'library',
    },
    {
      kind: 'published',
      by: 'editor',
      hoursAgo: 120,
      headline: 'Keep the library lights on after six',
      standfirst:
        'Our reading rooms close just as most people finish work. Opening until nine would cost less than the council thinks, and be worth more.',
      body: doc(
        p(
          'At six o’clock on a weekday, the Central Library in Easterby turns its readers out into the street. The students who came after school, the man who reads the foreign papers every afternoon, the woman finishing a job application on a public computer because she has no printer at home: all of them leave at the moment most of the town is finally free to come in.',
        ),
        p(
          'The council’s own survey, published with this year’s budget papers, found that the most common reason people gave for not using the library was ',
          i('not'),
          ' a lack of interest. It was the opening hours.',
        ),
        h2('What later hours would cost'),
        p(
          'Officers estimate that opening the Central Library until nine on three weeknights would cost about £180,000 a year, mostly in staff. That is real money in a budget under strain. But it is less than a tenth of what the council spends each year on the building itself, which stands lit and heated every evening regardless.',
        ),
        imageFigure('library', { caption: 'The Central Library’s reading room at half past six on a Tuesday.' }),
        p('A modest start would be:'),
        ul(
          'open until nine on Tuesdays, Wednesdays and Thursdays, and review after a year;',
          'keep the study floor and the computers open in the evening, even if lending closes at six;',
          'publish the evening visitor numbers every quarter, so that the decision can be judged on evidence.',
        ),
        p(
          'None of this is radical. Libraries in towns of similar size stay open later, and those that do report that evening visitors are younger and more likely to be in work than those who come during the day.',
        ),
        p(
          'A library that closes when people are free is a library for people who are free during the day. Easterby deserves better. ',
          b('Keep the lights on.'),
        ),
      ),
      leadImage: 'library',
    },
  ],
  publishedRevision: 2,
  events: [
    { to: 'draft', by: 'editor2', hoursAgo: 140, revision: 1 },
    { to: 'in_review', by: 'editor2', hoursAgo: 130, revision: 1 },
    { to: 'approved', by: 'editor', hoursAgo: 122, revision: 1 },
    { to: 'published', by: 'editor', hoursAgo: 120, revision: 2 },
  ],
}
