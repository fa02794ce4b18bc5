import type { Role } from '@/db/schema'

/** The password of every demo account. It is public: the demo must never run on real data. */
export const demoPassword = 'copydesk-demo'

/** The demo newsroom keeps Beirut's clock: the desk shows every time in it (lib/settings.ts). */
export const demoTimeZone = 'Asia/Beirut'

/** How seed data names a demo account before it has an id. */
export type StaffKey = 'admin' | 'editor' | 'editor2' | 'writer' | 'writer2'

export type DemoUser = { email: string; name: string; role: Role; jobTitle: string; bio: string }

export const demoUsers: Record<StaffKey, DemoUser> = {
  admin: {
    email: 'admin@copydesk.test',
    name: 'Margit Ilves',
    role: 'admin',
    jobTitle: 'Managing editor',
    bio: 'Managing editor. Keeps the desk running, the style guide current and the coffee hot.',
  },
  editor: {
    email: 'editor@copydesk.test',
    name: 'Daniel Achterberg',
    role: 'editor',
    jobTitle: 'Foreign editor',
    bio: 'Foreign editor; previously a correspondent covering ports, shipping and the energy trade.',
  },
  editor2: {
    email: 'editor2@copydesk.test',
    name: 'Priya Raman',
    role: 'editor',
    jobTitle: 'Politics and opinion editor',
    bio: 'Politics and opinion editor, with a weakness for council budget papers.',
  },
  writer: {
    email: 'writer@copydesk.test',
    name: 'Tomás Ferreira',
    role: 'writer',
    jobTitle: 'Americas reporter',
    bio: 'Reporter covering cities, water and infrastructure across the Americas.',
  },
  writer2: {
    email: 'writer2@copydesk.test',
    name: 'Hannah Lindqvist',
    role: 'writer',
    jobTitle: 'Europe reporter',
    bio: 'Europe reporter who writes about transport, climate and the people caught between them.',
  },
}

/** How seed data names a section; also its slug. */
export type SectionSlug = 'regions' | 'middle-east' | 'europe' | 'americas' | 'asia' | 'world' | 'politics' | 'business' | 'opinion'

export type DemoSection = { slug: SectionSlug; name: string; description: string; children?: DemoSection[] }

/** The section tree, in reading order: `position` is the index among siblings. */
export const demoSections: DemoSection[] = [
  {
    slug: 'regions',
    name: 'Regions',
    description: 'Reporting from our correspondents and partners, region by region.',
    children: [
      { slug: 'middle-east', name: 'Middle East', description: 'From the Gulf to the eastern Mediterranean.' },
      { slug: 'europe', name: 'Europe', description: 'Politics, transport and daily life across the continent.' },
      { slug: 'americas', name: 'Americas', description: 'North, Central and South America and the Caribbean.' },
      { slug: 'asia', name: 'Asia', description: 'From the Indian subcontinent to the Pacific rim.' },
    ],
  },
  { slug: 'world', name: 'World', description: 'The stories that cross borders.' },
  { slug: 'politics', name: 'Politics', description: 'Councils, parliaments and the people who vote for them.' },
  { slug: 'business', name: 'Business', description: 'Companies, work and money.' },
  { slug: 'opinion', name: 'Opinion', description: 'Argument and analysis from our writers and guests.' },
]

/** The tag vocabulary; synthetic stories draw from it too. */
export const demoTags = [
  'Fishing',
  'Ports',
  'Water',
  'Rail',
  'Transport',
  'Climate',
  'Local government',
  'Elections',
  'Budgets',
  'Aviation',
  'Tourism',
  'Shipping',
  'Trade',
  'Agriculture',
  'Libraries',
  'Labour',
  'Small business',
  'Food',
] as const

export type TagName = (typeof demoTags)[number]
