import { b, doc, h2, link, p, ul } from '../builders'
import type { DemoStory } from '../story-types'

// Stories for the regional sections. Places, companies and people are invented.

const trainOpening = p(
  'The overnight train between Aldervik and the northern port of Brennholm will run again from next month, twelve years after the route was cut as unprofitable, the regional rail operator Nordlinje said on Tuesday.',
)
const trainTimetable = p(
  'Trains will leave Aldervik at 22:40 four nights a week and arrive in Brennholm shortly after eight the following morning, a journey of 940 kilometres. Each will carry two sleeping cars with cabins for up to four people, a couchette car and a small buffet.',
)

export const nightTrain: DemoStory = {
  section: 'europe',
  status: 'published',
  createdBy: 'writer2',
  bylines: [{ staff: 'writer2' }],
  tags: ['Rail', 'Transport', 'Climate'],
  revisions: [
    {
      kind: 'save',
      by: 'writer2',
      hoursAgo: 72,
      headline: 'Night train between Aldervik and Brennholm set to return',
      standfirst: 'Nordlinje is expected to announce the revival of its overnight service this week.',
      body: doc(
        p(
          'Nordlinje is expected to confirm this week that the overnight train between Aldervik and Brennholm will return, people familiar with the plan said.',
        ),
        trainTimetable,
      ),
      leadImage: 'nightTrain',
    },
    {
      kind: 'published',
      by: 'editor',
      hoursAgo: 48,
      headline: 'Sleeper trains return to the northern line after twelve years',
      standfirst: 'A regional operator is betting that travellers will trade a short flight for a bunk, a basin and a breakfast tray.',
      body: doc(
        trainOpening,
        trainTimetable,
        h2('Why now'),
        p(
          'The operator says demand has changed since the service was withdrawn. A survey it commissioned last year found that two in five people who fly between the two cities would consider the train if the fare were close to that of a flight and the journey left them a full working day on arrival.',
        ),
        p(
          'The revival has cost less than expected because the carriages are not new: they were bought second-hand from an operator in the south and refitted at Nordlinje’s workshop in Kessby, with new beds, power sockets and a shower in each sleeping car.',
        ),
        p(
          '“We are not going to win back everyone who flies,” said Ingrid Valtonen, Nordlinje’s head of long-distance services. “But if a family can go to bed in one city and wake up in the other, that is a journey the plane cannot offer.”',
        ),
        h2('What it costs'),
        ul(
          'A couchette berth: from €59 one way.',
          'A bed in a shared four-berth cabin: from €89.',
          'A private cabin for two, with breakfast: from €220.',
        ),
        p(
          'Rail unions welcomed the news but said the timetable depended on hiring about 30 more train staff before the first departure. Nordlinje said recruitment was ',
          b('“on track”'),
          '.',
        ),
      ),
      leadImage: 'nightTrain',
    },
  ],
  publishedRevision: 2,
  events: [
    { to: 'draft', by: 'writer2', hoursAgo: 72, revision: 1 },
    { to: 'in_review', by: 'writer2', hoursAgo: 55, revision: 1 },
    { to: 'approved', by: 'editor', hoursAgo: 49, revision: 1 },
    { to: 'published', by: 'editor', hoursAgo: 48, revision: 2 },
  ],
}

const waterIntro = p(
  'Voters in Port Calloway have approved a plan to buy back the city’s water system from the private company that has run it since 2009, ending a campaign that began with a single neighbourhood petition about monthly bills.',
)
const waterBills = p(
  'Average household water bills in the city have risen by 70 per cent over the past ten years, according to the city’s own figures, while a state audit published last spring found that nearly a fifth of treated water was lost to leaks before it reached a tap.',
)

export const portCallowayWater: DemoStory = {
  section: 'americas',
  status: 'published',
  createdBy: 'writer',
  bylines: [{ staff: 'writer' }],
  tags: ['Water', 'Local government', 'Elections'],
  revisions: [
    {
      kind: 'save',
      by: 'writer',
      hoursAgo: 100,
      headline: 'Port Calloway voters to decide on buying back their water',
      standfirst: 'A $310 million bond on Tuesday’s ballot would return the Loma Verde system to public hands.',
      body: doc(
        p(
          'Voters in Port Calloway will decide on Tuesday whether the city should buy back its water system from the private company that has run it since 2009.',
        ),
        waterBills,
      ),
      leadImage: 'reservoir',
    },
    {
      kind: 'autosave',
      by: 'writer',
      hoursAgo: 96,
      headline: 'Port Calloway backs buying back its water utility, early results show',
      standfirst: 'With most precincts reporting, about 60 per cent of voters supported the bond.',
      body: doc(
        p(
          'Early results suggest that voters in Port Calloway have approved a plan to buy back the city’s water system from the private company that has run it since 2009.',
        ),
        p('With most precincts reporting, about 60 per cent of voters backed the $310 million bond.'),
        waterBills,
      ),
      leadImage: 'reservoir',
    },
    {
      kind: 'published',
      dateline: 'PORT CALLOWAY',
      by: 'editor',
      hoursAgo: 90,
      headline: 'Port Calloway votes to buy back its water utility after a decade of rate rises',
      standfirst:
        'Sixty-one per cent backed a $310 million bond to return the Loma Verde system to public hands. The private operator says it will ask a court to review the price.',
      body: doc(
        waterIntro,
        p(
          'With all precincts reporting, 61 per cent of voters backed a $310 million bond to acquire the Loma Verde reservoir, its treatment works and about 900 kilometres of pipe from Calloway Water Partners. Turnout was 44 per cent, high for an off-year ballot.',
        ),
        waterBills,
        h2('What happens next'),
        p(
          'The vote authorises the city to negotiate, not to buy at any price. Under the original contract the price is set by an independent valuation; Calloway Water Partners said on Wednesday it would ask a court to review the method, which it called out of date.',
        ),
        p(
          '“Nobody here voted against the people who work at the treatment plant,” said Rosa Delgado, who chaired the campaign. “They voted to have a say in what water costs.”',
        ),
        p(
          'The mayor, Ben Okonjo, said the city would keep the utility’s 230 employees on their current contracts for at least two years after any transfer. The full results are on the ',
          link('county elections office website', 'https://elections.example.org/port-calloway'),
          '.',
        ),
      ),
      leadImage: 'reservoir',
    },
  ],
  publishedRevision: 3,
  events: [
    { to: 'draft', by: 'writer', hoursAgo: 100, revision: 1 },
    { to: 'in_review', by: 'writer', hoursAgo: 95, revision: 2 },
    { to: 'approved', by: 'editor', hoursAgo: 91, revision: 2 },
    { to: 'published', by: 'editor', hoursAgo: 90, revision: 3 },
  ],
}

export const tanuRice: DemoStory = {
  section: 'asia',
  status: 'approved',
  createdBy: 'writer',
  bylines: [{ staff: 'writer' }],
  tags: ['Agriculture', 'Climate'],
  revisions: [
    {
      kind: 'save',
      by: 'writer',
      hoursAgo: 40,
      headline: 'Delta farmers try new rice as seawater creeps inland',
      standfirst: 'A trial of salt-tolerant seed has begun in the Tanu delta.',
      body: doc(
        p(
          'Farmers in the Tanu delta have begun planting a rice variety bred to survive in salty water, as seawater pushes farther up the delta’s channels each dry season.',
        ),
        p('The trial covers about 400 hectares in six villages.'),
      ),
    },
    {
      kind: 'save',
      by: 'editor',
      hoursAgo: 34,
      headline: 'Rice farmers in the Tanu delta trial salt-tolerant seed',
      standfirst:
        'Seawater now reaches 40 kilometres up the delta in the dry season. Six villages are testing whether a new variety can keep their fields in rice.',
      body: doc(
        p(
          'Farmers in the Tanu delta have begun planting a rice variety bred to survive in brackish water, as seawater pushes farther up the delta’s channels each dry season and leaves a crust of salt on fields that once gave two harvests a year.',
        ),
        p(
          'The trial, run by the provincial agriculture department with a national research institute, covers about 400 hectares in six villages. Farmers receive the seed free for two seasons and are paid for any harvest lost compared with their usual yield.',
        ),
        p(
          '“My father never saw salt in this field,” said Lan Thi Hoa, who farms three hectares near the village of Ben Kho. “Last year I lost half the crop. If this seed works, I stay. If it does not, my sons will go to the city.”',
        ),
        h2('Not a cure'),
        p(
          'Researchers caution that the new variety tolerates salt but does not thrive in it, and that yields in last year’s test plots were about 15 per cent lower than those of ordinary rice in fresh water. They say it buys time for other measures, such as sluice gates and reservoirs that store fresh water for the dry months.',
        ),
      ),
    },
  ],
  events: [
    { to: 'draft', by: 'writer', hoursAgo: 40, revision: 1 },
    { to: 'in_review', by: 'writer', hoursAgo: 36, revision: 1 },
    { to: 'approved', by: 'editor', hoursAgo: 33, revision: 2, note: 'Tightened the top; good to go when there is space.' },
  ],
}

export const kotaSeriMarket: DemoStory = {
  section: 'asia',
  status: 'published',
  createdBy: 'writer',
  bylines: [{ staff: 'writer' }, { staff: 'writer2' }],
  tags: ['Food', 'Small business', 'Local government'],
  revisions: [
    {
      kind: 'save',
      by: 'writer',
      hoursAgo: 200,
      headline: 'Kota Seri night market to move',
      standfirst: 'The city will give its night market a covered site by the river.',
      body: doc(
        p(
          'Kota Seri’s night market, which has filled a car park in the old town every evening for thirty years, is to move to a covered site by the river.',
        ),
      ),
    },
    {
      kind: 'published',
      dateline: 'KOTA SERI',
      by: 'editor',
      hoursAgo: 180,
      headline: 'Kota Seri’s night market gets a permanent home by the river',
      standfirst: 'After thirty years in a car park, 140 stalls will move under a roof next year. Some traders worry about the rent.',
      body: doc(
        p(
          'Kota Seri’s night market, which has filled a car park in the old town every evening for thirty years, is to move to a covered site on the riverbank next year, the city council said on Friday.',
        ),
        p(
          'The new market will have room for 140 stalls, running water at every pitch, proper drains and a roof that the council says will let traders keep working through the monsoon, when the car park regularly floods.',
        ),
        p(
          'Most traders welcomed the plan, but some said the proposed monthly rent of about twice what they pay now would push out the smallest stalls. “I sell one thing: noodles,” said Rahmat Iskandar, who has cooked at the same spot for 22 years. “The roof is nice. I cannot eat the roof.”',
        ),
        p(
          'The council said rents would be reviewed after the first year and that stalls in the market for more than ten years would get a discount.',
        ),
      ),
    },
  ],
  publishedRevision: 2,
  events: [
    { to: 'draft', by: 'writer', hoursAgo: 200, revision: 1 },
    { to: 'in_review', by: 'writer', hoursAgo: 190, revision: 1 },
    { to: 'approved', by: 'editor', hoursAgo: 182, revision: 1 },
    { to: 'published', by: 'editor', hoursAgo: 180, revision: 2 },
  ],
}
