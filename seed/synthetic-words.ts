// The word lists synthetic stories are made from (seed/synthetic-text.ts). All invented.

export const places = [
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

export const actors = [
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
export const verbs = [
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

export const objects = [
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

export const reasons = [
  'after months of debate',
  'ending a dispute that has divided the town',
  'despite objections from residents',
  'in a vote that was closer than expected',
  'citing rising costs',
  'after a consultation drew more than 3,000 responses',
  'under pressure from local businesses',
  'a year later than first promised',
] as const

export const firstNames = [
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

export const lastNames = [
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

export const roles = [
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

export const assessments = [
  'long overdue',
  'a sensible compromise',
  'a mistake the town would regret',
  'the best of a difficult set of choices',
  'only a first step',
  'rushed',
  'fair to everyone except the people who will pay for it',
] as const

export const quotes = [
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

export const sources = [
  'the council’s own budget papers',
  'the regional statistics office',
  'the operator',
  'a study by the regional university',
  'the national audit office',
] as const
export const metrics = [
  'the cost of the scheme',
  'the number of passengers',
  'household bills',
  'the waiting list',
  'the number of visitors',
  'spending on repairs',
] as const
export const periods = ['two years', 'five years', 'decade', 'three years'] as const
export const criticisms = [
  'the plan does little for people in outlying villages',
  'the figures rely on optimistic forecasts',
  'the consultation came too late to change anything',
  'the same money would go further elsewhere',
  'the decision was made behind closed doors',
] as const
export const whens = ['next month', 'before the summer', 'in the autumn', 'early next year', 'at the next full meeting'] as const
export const groups = ['campaigners', 'local traders', 'opposition councillors', 'union representatives', 'residents’ groups'] as const
export const reactions = [
  'keep up the pressure',
  'challenge it in court',
  'take part in the next consultation',
  'hold a public meeting',
  'wait and see',
] as const
export const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const
export const subheadings = ['What happens next', 'The cost', 'Reaction', 'Background', 'What it means for residents'] as const
export const details = [
  'work would start within eighteen months',
  'the cost would be shared with the regional government',
  'the first phase would be finished in two years',
  'charges would rise in stages',
  'the scheme would be reviewed after a year',
] as const
export const officials = ['council officers', 'the operator’s managers', 'the board', 'the mayor and two deputies'] as const
